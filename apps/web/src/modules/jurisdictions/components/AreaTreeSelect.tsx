import type { Area } from "@sanshe/contracts";
import { useQueries } from "@tanstack/react-query";
import { TreeSelect } from "antd";
import type { CSSProperties } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AREA_PAGE_LIMIT, areaQuery, useAreaList, useAreaPageLoader } from "../api";

type Single = { multiple?: false; value?: string | undefined; onChange?: (value: string | undefined) => void };
type Multiple = { multiple: true; value?: string[] | undefined; onChange?: (value: string[]) => void };

type AreaTreeSelectProps = (Single | Multiple) & {
  id?: string;
  /** The tree starts at this area (it and what lies under it); without it, at the caller's scope roots. */
  root?: string | undefined;
  placeholder?: string;
  "aria-label"?: string;
  "aria-invalid"?: boolean;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  /** Extra words after an area's name (e.g. its count of unmet needs). */
  describe?: (code: string) => string | undefined;
};

type Node = { id: string; pId: string | null; value: string; title: string; isLeaf: boolean };

const toNode = (area: Area, describe: AreaTreeSelectProps["describe"]): Node => {
  const extra = describe?.(area.code);
  return {
    id: area.code,
    pId: area.parent_code,
    value: area.code,
    title: extra ? `${area.name}（${extra}）` : area.name,
    isLeaf: area.child_count === 0,
  };
};

/**
 * Form control choosing one area or several from the jurisdiction tree, by name: the tree opens level
 * by level (children load on expand) and filters the loaded names as one types. A chosen area that is
 * not loaded yet (an edited record) is fetched to show its name; a code is never typed.
 */
export function AreaTreeSelect(props: AreaTreeSelectProps) {
  const { t } = useTranslation();
  const { root, describe } = props;
  const loadPage = useAreaPageLoader();
  const [loaded, setLoaded] = useState<Area[]>([]);
  const tops = useAreaList(root ? { parent: root, limit: AREA_PAGE_LIMIT } : { limit: AREA_PAGE_LIMIT });
  const known = useQueries({
    queries: [root, ...(props.multiple ? (props.value ?? []) : props.value ? [props.value] : [])]
      .filter((code): code is string => Boolean(code))
      .map(areaQuery),
  });
  const areas = new Map<string, Area>();
  for (const area of [...known.flatMap((result) => (result.data ? [result.data] : [])), ...(tops.data?.items ?? []), ...loaded]) {
    areas.set(area.code, area);
  }
  const treeData = [...areas.values()].filter((area) => !root || area.code.startsWith(root)).map((area) => toNode(area, describe));
  const common = {
    id: props.id,
    treeDataSimpleMode: true,
    treeData,
    loading: tops.isPending,
    showSearch: true,
    treeNodeFilterProp: "title",
    placeholder: props.placeholder ?? t("jurisdictions.picker.treePlaceholder"),
    "aria-label": props["aria-label"],
    "aria-invalid": props["aria-invalid"],
    allowClear: props.allowClear,
    disabled: props.disabled,
    style: { minWidth: 200, ...props.style },
    popupMatchSelectWidth: false,
    treeDefaultExpandedKeys: root ? [root] : [],
    loadData: async (node: { value?: string | number }) => {
      const page = await loadPage({ parent: String(node.value), limit: AREA_PAGE_LIMIT });
      setLoaded((current) => [...current, ...page.items]);
    },
  };
  return props.multiple ? (
    <TreeSelect<string[]> {...common} multiple value={props.value} onChange={(value) => props.onChange?.(value)} />
  ) : (
    <TreeSelect<string> {...common} value={props.value} onChange={(value) => props.onChange?.(value)} />
  );
}
