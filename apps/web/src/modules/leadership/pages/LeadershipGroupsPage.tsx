import type { LeadershipGroup } from "@sanshe/contracts/leadership";
import { Button, Card, Descriptions, Empty, Flex, Input, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../ui/PageHeader";
import { QueryResult } from "../../../ui/QueryResult";
import { useHasPermission, useMe } from "../../auth";
import { useGroups } from "../api";
import { GroupDrawer } from "../components/GroupDrawer";
import { GroupResponsibilities } from "../components/GroupResponsibilities";

/** Leadership groups (领导小组) of the user's area, the levels above and below: leaders, members and responsibility lists. */
export function LeadershipGroupsPage() {
  const { t } = useTranslation();
  const canManage = useHasPermission("leadership.manage");
  const { data: me } = useMe();
  const [area, setArea] = useState<string | undefined>();
  const [cursors, setCursors] = useState<string[]>([]);
  const query = useGroups(area, cursors.at(-1));
  const [editing, setEditing] = useState<LeadershipGroup | "new" | null>(null);
  const ownArea = me?.memberships.find((m) => m.role === "official")?.area_code;
  return (
    <>
      <PageHeader
        title={t("leadership.groups.title")}
        subtitle={t("leadership.groups.subtitle")}
        extra={
          canManage ? (
            <Button type="primary" onClick={() => setEditing("new")}>
              {t("leadership.group.create")}
            </Button>
          ) : null
        }
      />
      <Input.Search
        allowClear
        placeholder={t("leadership.groups.areaFilter")}
        aria-label={t("leadership.groups.areaFilter")}
        style={{ maxWidth: 320, marginBottom: 16 }}
        onSearch={(value) => {
          setCursors([]);
          setArea(/^\d{4,12}$/.test(value.trim()) ? value.trim() : undefined);
        }}
      />
      <QueryResult query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description={canManage ? t("leadership.groups.emptyManager") : t("leadership.groups.empty")} />
          ) : (
            <Flex vertical gap={16}>
              {page.items.map((group) => (
                <GroupCard key={group.id} group={group} onEdit={() => setEditing(group)} />
              ))}
              <Flex gap={8}>
                {cursors.length > 0 ? (
                  <Button onClick={() => setCursors(cursors.slice(0, -1))}>{t("leadership.common.previous")}</Button>
                ) : null}
                {page.next_cursor ? (
                  <Button onClick={() => setCursors([...cursors, page.next_cursor as string])}>{t("leadership.common.next")}</Button>
                ) : null}
              </Flex>
            </Flex>
          )
        }
      </QueryResult>
      {editing ? (
        <GroupDrawer open onClose={() => setEditing(null)} {...(editing === "new" ? { defaultArea: ownArea } : { group: editing })} />
      ) : null}
    </>
  );
}

function GroupCard({ group, onEdit }: { group: LeadershipGroup; onEdit: () => void }) {
  const { t } = useTranslation();
  const person = (name: string | null, title: string | null) => (name ? `${name}${title ? `（${title}）` : ""}` : "—");
  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          {group.name}
          <Tag>{group.area_name}</Tag>
        </Flex>
      }
      extra={
        group.can_manage ? (
          <Button size="small" onClick={onEdit}>
            {t("leadership.common.edit")}
          </Button>
        ) : null
      }
    >
      <Descriptions column={{ xs: 1, md: 3 }} size="small">
        <Descriptions.Item label={t("leadership.fields.leader")}>{person(group.leader_name, group.leader_title)}</Descriptions.Item>
        <Descriptions.Item label={t("leadership.fields.inCharge")}>{person(group.in_charge_name, group.in_charge_title)}</Descriptions.Item>
        <Descriptions.Item label={t("leadership.fields.leadDepartment")}>{group.lead_department_name ?? "—"}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={group.members}
        locale={{ emptyText: t("leadership.member.empty") }}
        columns={[
          { title: t("leadership.member.name"), dataIndex: "name", width: 140 },
          {
            title: t("leadership.member.role"),
            dataIndex: "role",
            width: 120,
            render: (role: string) => t(`leadership.memberRole.${role}`),
          },
          { title: t("leadership.member.title"), dataIndex: "title", render: (value: string | null) => value ?? "—" },
          { title: t("leadership.member.unit"), dataIndex: "unit", render: (value: string | null) => value ?? "—" },
        ]}
      />
      <GroupResponsibilities groupId={group.id} canManage={group.can_manage} />
    </Card>
  );
}
