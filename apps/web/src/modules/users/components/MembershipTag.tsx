import type { Membership } from "@sanshe/contracts";
import { Tag, Tooltip } from "antd";
import { useRoleLabel } from "../../auth";

/** A membership as "role @ area", with the organization and code in a tooltip. */
export function MembershipTag({ membership }: { membership: Membership }) {
  const roleLabel = useRoleLabel();
  const tooltip = [membership.area_code, membership.organization_name].filter(Boolean).join(" · ");
  return (
    <Tooltip title={tooltip}>
      <Tag color="blue" style={{ marginBottom: 4 }}>
        {roleLabel(membership.role)} @ {membership.area_name}
      </Tag>
    </Tooltip>
  );
}
