import { Tooltip } from "antd";
import { useArea } from "../api";

/**
 * An area shown by its name (410105 → "金水区"), the code in a tooltip. An area above the reader's
 * jurisdiction (a city's rule seen by a district) is out of their scope: `via`, an area they may read
 * under it, names it from its path. The code itself shows only while the name loads or when neither
 * names it.
 */
export function AreaName({ code, via }: { code: string; via?: string | undefined }) {
  const area = useArea(code === "" ? undefined : code);
  const below = useArea(area.isError && via !== undefined && via.startsWith(code) ? via : undefined);
  const name = area.data?.name ?? below.data?.path.find((ancestor) => ancestor.code === code)?.name;
  if (name === undefined) {
    return <span>{code}</span>;
  }
  return (
    <Tooltip title={code}>
      <span>{name}</span>
    </Tooltip>
  );
}
