import { areaEndpoints, type Area } from "@sanshe/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Flex, Select, Spin } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { call, endpointKey } from "../../../ui/api";
import { useAreaChildren, useAreaSearch } from "../api";

type CommunityPickerProps = {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** The department's jurisdiction: its streets are offered for "add a whole street". */
  rootArea: string | undefined;
  "aria-invalid"?: boolean;
};

/** "丰乐社区（南阳新村街道）": a community with its street, so two namesakes can be told apart. */
function communityLabel(area: Area): string {
  const street = area.path.at(-1);
  return street ? `${area.name}（${street.name}）` : area.name;
}

/**
 * The target communities of an application: search communities by name, or add every community of
 * a street in the department's jurisdiction at once.
 */
export function CommunityPicker({ id, value, onChange, rootArea, ...rest }: CommunityPickerProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [term, setTerm] = useState("");
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [isAdding, setIsAdding] = useState(false);
  const search = useAreaSearch(term, true);
  const isStreetRoot = rootArea !== undefined && rootArea.length === 9;
  const streets = useAreaChildren(rootArea !== undefined && rootArea.length === 6 ? rootArea : undefined);
  const selected = useMemo(() => value ?? [], [value]);

  const found = (search.data?.items ?? []).filter((area) => area.level === "community");
  const options = [
    ...found.map((area) => ({ value: area.code, label: communityLabel(area) })),
    ...selected.filter((code) => !found.some((area) => area.code === code)).map((code) => ({ value: code, label: labels[code] ?? code })),
  ];

  const remember = (areas: Area[]) =>
    setLabels((previous) => ({ ...previous, ...Object.fromEntries(areas.map((a) => [a.code, communityLabel(a)])) }));

  const addStreet = async (street: string) => {
    setIsAdding(true);
    try {
      const query = { parent: street, limit: 200 };
      const page = await queryClient.fetchQuery({
        queryKey: endpointKey(areaEndpoints.list, { query }),
        queryFn: ({ signal }) => call(areaEndpoints.list, { query }, { signal }),
      });
      const communities = page.items.filter((area) => area.level === "community");
      remember(communities);
      onChange?.([...new Set([...selected, ...communities.map((area) => area.code)])]);
    } finally {
      setIsAdding(false);
    }
  };

  const streetOptions = isStreetRoot ? [] : (streets.data?.items ?? []).map((area) => ({ value: area.code, label: area.name }));

  return (
    <Flex vertical gap={8}>
      <Select<string[]>
        id={id}
        mode="multiple"
        aria-invalid={rest["aria-invalid"]}
        value={selected}
        placeholder={t("adminTasks.apply.targetsSearch")}
        showSearch={{ filterOption: false, onSearch: setTerm }}
        notFoundContent={search.isFetching ? <Spin size="small" /> : t("adminTasks.apply.noAreas")}
        options={options}
        onChange={(codes) => {
          remember(found.filter((area) => codes.includes(area.code)));
          onChange?.(codes);
        }}
      />
      {isStreetRoot ? (
        <a
          href="#add-street"
          onClick={(event) => {
            event.preventDefault();
            if (rootArea) {
              void addStreet(rootArea);
            }
          }}
        >
          {t("adminTasks.apply.addStreet")}
        </a>
      ) : streetOptions.length > 0 ? (
        <Select<string>
          aria-label={t("adminTasks.apply.addStreet")}
          placeholder={t("adminTasks.apply.addStreetPlaceholder")}
          value={null}
          loading={isAdding}
          style={{ maxWidth: 280 }}
          options={streetOptions}
          onChange={(street) => void addStreet(street)}
        />
      ) : null}
    </Flex>
  );
}
