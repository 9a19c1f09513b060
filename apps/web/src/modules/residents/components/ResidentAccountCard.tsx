import type { Resident } from "@sanshe/contracts";
import { App, Button, Card, Descriptions, Flex, Form, Popconfirm, Select, Skeleton, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../ui/formatDateTime";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useResidentAccounts, useResidentLink } from "../api";

/**
 * 居民账号 on a resident's detail (community staff): the resident account linked to this record, with
 * an unlink button, or a picker of the community's unlinked resident accounts to link one.
 */
export function ResidentAccountCard({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const linked = useResidentAccounts({ resident_id: resident.id, limit: 1 });
  const account = linked.data?.items[0];
  const candidates = useResidentAccounts({ area_code: resident.area_code, linked: "false", limit: 200 }, linked.isSuccess && !account);
  const { link, unlink } = useResidentLink();
  const [userId, setUserId] = useState<string | undefined>(undefined);
  const pickerId = `resident-account-picker-${resident.id}`;

  const body = (() => {
    if (linked.isPending) {
      return <Skeleton active paragraph={{ rows: 2 }} />;
    }
    if (linked.isError) {
      return <ProblemAlert error={linked.error} />;
    }
    if (account) {
      return (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "login", label: t("residents.account.login"), children: `${account.display_name}（${account.login}）` },
              {
                key: "method",
                label: t("residents.account.method"),
                children: account.method ? t(`residents.account.methods.${account.method}`) : "—",
              },
              { key: "at", label: t("residents.account.linkedAt"), children: account.linked_at ? formatDateTime(account.linked_at) : "—" },
            ]}
          />
          <Popconfirm
            title={t("residents.account.unlinkConfirm")}
            onConfirm={() => unlink.mutate(account.user_id, { onSuccess: () => void message.success(t("residents.account.unlinked")) })}
          >
            <Button danger loading={unlink.isPending}>
              {t("residents.account.unlink")}
            </Button>
          </Popconfirm>
          {unlink.error ? <ProblemAlert error={unlink.error} style={{ marginTop: 8 }} /> : null}
        </>
      );
    }
    return (
      <>
        <Typography.Paragraph type="secondary">{t("residents.account.none")}</Typography.Paragraph>
        <Form layout="vertical" onFinish={() => undefined}>
          <Form.Item label={t("residents.account.pick")} htmlFor={pickerId} extra={t("residents.account.pickHint")}>
            <Flex gap={8}>
              <Select
                id={pickerId}
                showSearch
                allowClear
                optionFilterProp="label"
                style={{ minWidth: 280 }}
                loading={candidates.isFetching}
                value={userId}
                onChange={(value: string | undefined) => setUserId(value)}
                options={(candidates.data?.items ?? []).map((item) => ({
                  value: item.user_id,
                  label: `${item.display_name}（${item.login}）`,
                }))}
                notFoundContent={t("residents.account.noCandidates")}
              />
              <Button
                type="primary"
                disabled={!userId}
                loading={link.isPending}
                onClick={() =>
                  userId &&
                  link.mutate(
                    { userId, residentId: resident.id },
                    {
                      onSuccess: () => {
                        setUserId(undefined);
                        void message.success(t("residents.account.linked"));
                      },
                    },
                  )
                }
              >
                {t("residents.account.link")}
              </Button>
            </Flex>
          </Form.Item>
        </Form>
        {candidates.error ? <ProblemAlert error={candidates.error} /> : null}
        {link.error ? <ProblemAlert error={link.error} /> : null}
      </>
    );
  })();

  return (
    <Card
      size="small"
      style={{ marginTop: 24 }}
      title={
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {t("residents.account.title")}
        </Typography.Title>
      }
    >
      {body}
    </Card>
  );
}
