import { DownOutlined, EllipsisOutlined } from "@ant-design/icons";
import type { Area } from "@sanshe/contracts";
import { App, Empty, Skeleton, Tree, Typography } from "antd";
import type { TreeDataNode } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { AREA_PAGE_LIMIT, useAreaList, useAreaPageLoader } from "../api";
import { AreaTitle } from "./AreaTitle";

/** Key of the scope roots in the loaded-children map. */
const ROOT = "";

type LoadedChildren = { items: Area[]; nextCursor: string | null };

type AreaTreeNode = TreeDataNode & {
  area?: Area;
  /** A "load more" placeholder: the parent whose next page it fetches. */
  more?: { parent: string; cursor: string };
  children?: AreaTreeNode[];
};

type AreaTreeProps = {
  selectedCode?: string | undefined;
  onSelect: (area: Area) => void;
  /** Accessible name of the tree. */
  label: string;
};

/**
 * The caller's jurisdiction as a tree: roots from `GET /areas`, children fetched on expansion with
 * `?parent=`, and a "load more" node when a level has more than one page.
 */
export function AreaTree({ selectedCode, onSelect, label }: AreaTreeProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roots = useAreaList({ limit: AREA_PAGE_LIMIT });
  const loadPage = useAreaPageLoader();
  const [loaded, setLoaded] = useState<Record<string, LoadedChildren>>({});
  const [loadingMore, setLoadingMore] = useState<string | null>(null);

  const treeData = useMemo<AreaTreeNode[]>(() => {
    const build = (items: Area[], nextCursor: string | null, parent: string): AreaTreeNode[] => {
      const nodes: AreaTreeNode[] = items.map((area) => {
        const children = loaded[area.code];
        return {
          key: area.code,
          area,
          isLeaf: area.child_count === 0,
          ...(children ? { children: build(children.items, children.nextCursor, area.code) } : {}),
        };
      });
      if (nextCursor) {
        nodes.push({ key: `more:${parent}:${nextCursor}`, isLeaf: true, more: { parent, cursor: nextCursor } });
      }
      return nodes;
    };
    if (!roots.data) {
      return [];
    }
    const extraRoots = loaded[ROOT];
    return build([...roots.data.items, ...(extraRoots?.items ?? [])], extraRoots ? extraRoots.nextCursor : roots.data.next_cursor, ROOT);
  }, [roots.data, loaded]);

  const appendPage = async (parent: string, cursor: string | undefined) => {
    const page = await loadPage({ ...(parent === ROOT ? {} : { parent }), ...(cursor ? { cursor } : {}), limit: AREA_PAGE_LIMIT });
    setLoaded((current) => {
      const previous = cursor ? current[parent] : undefined;
      return {
        ...current,
        [parent]: { items: [...(previous?.items ?? []), ...page.items], nextCursor: page.next_cursor },
      };
    });
  };

  const loadMore = async (more: { parent: string; cursor: string }) => {
    setLoadingMore(more.parent);
    try {
      await appendPage(more.parent, more.cursor);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setLoadingMore(null);
    }
  };

  if (roots.isPending) {
    return <Skeleton active paragraph={{ rows: 6 }} />;
  }
  if (roots.isError) {
    return <ProblemAlert error={roots.error} />;
  }
  if (treeData.length === 0) {
    return <Empty description={t("jurisdictions.tree.noScope")} />;
  }

  return (
    <div data-testid="area-tree">
      <Tree<AreaTreeNode>
        aria-label={label}
        blockNode
        showLine
        switcherIcon={<DownOutlined />}
        treeData={treeData}
        selectedKeys={selectedCode ? [selectedCode] : []}
        loadData={async (node) => {
          if (!node.area || node.area.child_count === 0 || loaded[node.area.code]) {
            return;
          }
          try {
            await appendPage(node.area.code, undefined);
          } catch (error) {
            void message.error(error instanceof Error ? error.message : String(error));
            throw error;
          }
        }}
        titleRender={(node) => {
          if (node.more) {
            return (
              <Typography.Link>
                <EllipsisOutlined />{" "}
                {loadingMore === node.more.parent ? t("jurisdictions.tree.loadingMore") : t("jurisdictions.tree.loadMore")}
              </Typography.Link>
            );
          }
          return node.area ? <AreaTitle area={node.area} /> : null;
        }}
        onSelect={(_keys, info) => {
          const node = info.node;
          if (node.more) {
            void loadMore(node.more);
            return;
          }
          if (node.area) {
            onSelect(node.area);
          }
        }}
      />
    </div>
  );
}
