import { Tooltip } from "antd";
import { useArea } from "../api";

/**
 * An area shown by its name (郑州市金水区 → "金水区"), the code in a tooltip; the code itself only
 * while the name loads or when the area is outside the reader's scope.
 */
export function AreaName({ code }: { code: string }) {
  const area = useArea(code === "" ? undefined : code);
  if (!area.data) {
    return <span>{code}</span>;
  }
  return (
    <Tooltip title={code}>
      <span>{area.data.name}</span>
    </Tooltip>
  );
}
