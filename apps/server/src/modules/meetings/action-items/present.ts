import type { ActionItem, ActionItemUpdate } from "@sanshe/contracts";
import type { Ctx } from "../../../platform/ctx.js";
import type { ActionItemRow, actionItemUpdates } from "../schema.js";
import { todayIn } from "./policy.js";

/** An action item row with what it is presented from: its meeting, resolution, owner and escalation. */
export type ActionItemJoined = {
  item: ActionItemRow;
  meetingTitle: string;
  convenerId: string;
  resolutionText: string;
  ownerName: string | null;
  escalated: boolean;
  /** The text of the last report of completion (报办结), if any. */
  doneNote: string | null;
};

/** An action item as the API shows it; `units` names owner organizations and communities. */
export function presentActionItem(
  ctx: Ctx & { actor: { userId: string } | null },
  row: ActionItemJoined,
  units: Map<string, string>,
): ActionItem {
  const item = row.item;
  const me = ctx.actor?.userId;
  return {
    id: item.id,
    area_code: item.areaCode,
    meeting_id: item.meetingId,
    meeting_title: row.meetingTitle,
    resolution_id: item.resolutionId,
    resolution_text: row.resolutionText,
    owner_kind: item.ownerKind,
    owner_organization_id: item.ownerOrganizationId,
    owner_community_code: item.ownerCommunityCode,
    owner_department_id: item.ownerDepartmentId,
    owner_unit_name: units.get(item.ownerOrganizationId ?? item.ownerCommunityCode ?? item.ownerDepartmentId ?? "") ?? null,
    owner_user_id: item.ownerUserId,
    owner_user_name: row.ownerName,
    due_on: item.dueOn,
    expected_result: item.expectedResult,
    status: item.status,
    overdue: item.status === "open" && item.dueOn < todayIn(ctx),
    returned_reason: item.returnedReason,
    done_note: row.doneNote ? row.doneNote : null,
    done_at: item.doneAt?.toISOString() ?? null,
    closed_at: item.closedAt?.toISOString() ?? null,
    escalated: row.escalated,
    version: item.version,
    can_report: item.ownerUserId === me && item.status === "open",
    can_review: row.convenerId === me && item.status === "done",
  };
}

/** One entry of an action item's progress history. */
export function presentActionItemUpdate(update: typeof actionItemUpdates.$inferSelect, authorName: string | null): ActionItemUpdate {
  return {
    id: update.id,
    kind: update.kind,
    text: update.text,
    referral_id: update.referralId,
    service_record_id: update.serviceRecordId,
    author_name: authorName,
    created_at: update.createdAt.toISOString(),
  };
}
