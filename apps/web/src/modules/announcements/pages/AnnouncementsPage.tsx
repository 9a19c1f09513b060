import type { Announcement } from "@sanshe/contracts";
import { Badge, Button, Card, Flex, List, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CursorList } from "../../../ui/CursorListTable";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useMe } from "../../auth";
import { useMyAnnouncements, useSentAnnouncements } from "../api";

type View = "mine" | "unread" | "sent";

/** Announcements addressed to me (pinned first) and, for publishers, the ones they manage with read counts. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canPublish = me.data?.permissions.includes("announcements.publish") ?? false;
  const [view, setView] = useState<View>("mine");
  const paging = useCursorPaging(view, 20);
  const { pagination, pageSize } = paging;
  const mine = useMyAnnouncements({
    cursor: view === "sent" ? undefined : pagination.cursor,
    limit: pageSize,
    unread: view === "unread" ? "1" : undefined,
  });
  const sent = useSentAnnouncements({ cursor: pagination.cursor, limit: pageSize }, view === "sent");
  const list = view === "sent" ? sent : mine;
  const unread = mine.data?.unread_count ?? 0;

  const renderItem = (item: Announcement & { recipients?: number; read?: number }) => (
    <List.Item key={item.id} data-testid="announcement">
      <List.Item.Meta
        title={
          <Space wrap>
            {view !== "sent" && !item.read_at && <Badge status="error" role="img" aria-label={t("announcements.unread")} />}
            {item.pinned && <Tag color="red">{t("announcements.pinned")}</Tag>}
            <Link to={`/announcements/${item.id}`}>{item.title}</Link>
          </Space>
        }
        description={
          <Typography.Text type="secondary">
            {item.area_name} · {item.published_by_name} · {formatDateTime(item.published_at)}
            {item.recipients !== undefined && ` · ${t("announcements.readCount", { read: item.read, total: item.recipients })}`}
          </Typography.Text>
        }
      />
    </List.Item>
  );

  return (
    <>
      <PageHeader
        title={t("announcements.title")}
        subtitle={t("announcements.subtitle")}
        extra={
          canPublish && (
            <Link to="/announcements/new">
              <Button type="primary" data-testid="announcement-new">
                {t("announcements.publish")}
              </Button>
            </Link>
          )
        }
      />
      <ProblemAlert error={list.error} style={{ marginBottom: 12 }} />
      <Card>
        <Flex style={{ marginBottom: 12 }}>
          <Segmented
            value={view}
            onChange={(value) => setView(value as View)}
            options={[
              { value: "mine", label: t("announcements.view.mine") },
              { value: "unread", label: t("announcements.view.unread", { count: unread }) },
              ...(canPublish ? [{ value: "sent", label: t("announcements.view.sent") }] : []),
            ]}
          />
        </Flex>
        <CursorList query={list} paging={paging} emptyText={t("announcements.empty")} renderItem={renderItem} />
      </Card>
    </>
  );
}
