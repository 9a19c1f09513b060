import {
  ActionItemExportFilterSchema,
  MeetingExportFilterSchema,
  type ActionItem,
  type ActionItemExportFilter,
  type MeetingExportFilter,
  type MeetingListItem,
} from "@sanshe/contracts";
import { exportColumns, exportPages } from "../../platform/files/columns.js";
import type { ExportSpec } from "../../platform/module.js";
import { listMeetings } from "./queries.js";
import { listActionItems } from "./action-items/queries.js";

const meetingHeaders = {
  starts_at: ["开始时间", "Starts at"],
  ends_at: ["结束时间", "Ends at"],
  level: ["召集层级", "Convened by"],
  area: ["辖区", "Area"],
  title: ["会议名称", "Title"],
  status: ["状态", "Status"],
  convener: ["召集人", "Convener"],
  invitees: ["邀请方数", "Parties invited"],
} as const;

const meetingStatusLabels: Record<MeetingListItem["status"], string> = {
  draft: "草稿",
  scheduled: "已通知",
  held: "已召开",
  minuted: "已形成纪要",
  cancelled: "已取消",
};

/** A meeting is convened by a street (9-digit area) or a community (12-digit area). */
const levelLabel = (areaCode: string) => (areaCode.length === 12 ? "社区" : "街道");

/**
 * GET /exports/meetings: the meetings the caller reads under the list's filters and sort, area by
 * name, level and status by label; meetings hold no personal data beyond the convener's name.
 */
export const meetingExport: ExportSpec<MeetingExportFilter, MeetingListItem> = {
  kind: "meetings",
  permission: "meetings.read",
  filterSchema: MeetingExportFilterSchema,
  columns: exportColumns<MeetingListItem, typeof meetingHeaders>(meetingHeaders, {
    starts_at: (item) => item.starts_at,
    ends_at: (item) => item.ends_at,
    level: (item) => levelLabel(item.area_code),
    area: (item) => item.area_name ?? item.area_code,
    title: (item) => item.title,
    status: (item) => meetingStatusLabels[item.status],
    convener: (item) => item.convener_name,
    invitees: (item) => item.invitees,
  }),
  page: exportPages(listMeetings),
};

const actionItemHeaders = {
  due_on: ["期限", "Due on"],
  status: ["状态", "Status"],
  overdue: ["逾期", "Overdue"],
  expected_result: ["预期成果", "Expected result"],
  owner_unit: ["责任单位", "Owner unit"],
  owner_user: ["责任人", "Person responsible"],
  meeting: ["会议", "Meeting"],
  resolution: ["决议", "Resolution"],
  done_at: ["报办结时间", "Reported done at"],
  closed_at: ["验收时间", "Accepted at"],
} as const;

const actionItemStatusLabels: Record<ActionItem["status"], string> = { open: "办理中", done: "待验收", closed: "已验收" };

/**
 * GET /exports/action-items: the caller's action items (owned, or role=convener: of meetings they
 * convened) under the list's status filter and sort; owner unit by name, status by label, overdue marked.
 */
export const actionItemExport: ExportSpec<ActionItemExportFilter, ActionItem> = {
  kind: "action-items",
  permission: "meetings.read",
  filterSchema: ActionItemExportFilterSchema,
  columns: exportColumns<ActionItem, typeof actionItemHeaders>(actionItemHeaders, {
    due_on: (item) => item.due_on,
    status: (item) => actionItemStatusLabels[item.status],
    overdue: (item) => (item.overdue ? "是" : ""),
    expected_result: (item) => item.expected_result,
    owner_unit: (item) => item.owner_unit_name,
    owner_user: (item) => item.owner_user_name,
    meeting: (item) => item.meeting_title,
    resolution: (item) => item.resolution_text,
    done_at: (item) => item.done_at,
    closed_at: (item) => item.closed_at,
  }),
  page: exportPages(listActionItems),
};
