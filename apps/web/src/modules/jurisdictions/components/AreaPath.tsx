import type { AreaRef } from "@sanshe/contracts";
import { Breadcrumb } from "antd";

/** Breadcrumb of an area's ancestors (and optionally the area itself), top down. */
export function AreaPath({ path, current }: { path: readonly AreaRef[]; current?: string }) {
  const items = path.map((ancestor) => ({ key: ancestor.code, title: ancestor.name }));
  if (current !== undefined) {
    items.push({ key: "current", title: current });
  }
  if (items.length === 0) {
    return null;
  }
  return <Breadcrumb items={items} style={{ fontSize: 12 }} />;
}
