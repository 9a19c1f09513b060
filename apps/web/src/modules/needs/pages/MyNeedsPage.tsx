import { FormOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Flex, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useNeedList } from "../api";
import { ResidentNeedCard, sortAwaitingFirst } from "../components/ResidentNeedCard";

/** 我的需求 (resident): needs waiting for the resident's confirmation on top, with the confirm form; then the rest. */
export function MyNeedsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useNeedList({ limit: 50 });
  const items = sortAwaitingFirst(mine.data?.items ?? []);
  const awaiting = items.filter((need) => need.status === "done");
  const others = items.filter((need) => need.status !== "done");
  return (
    <div style={{ maxWidth: 640, margin: "0 auto" }}>
      <PageHeader
        title={t("needs.mine.title")}
        subtitle={t("needs.mine.subtitle")}
        extra={
          <Button type="primary" icon={<FormOutlined />} onClick={() => void navigate("/report")}>
            {t("needs.mine.report")}
          </Button>
        }
      />
      <ProblemAlert error={mine.error} />
      {mine.isPending && <Spin />}
      {mine.data && items.length === 0 && <Empty description={t("needs.mine.empty")} />}
      {/* One flat list of keyed siblings: a confirmed need's card moves down, it is not remounted. */}
      <Flex vertical gap={12}>
        {[
          ...(awaiting.length > 0
            ? [
                <Typography.Title key="awaiting-title" level={2} style={{ fontSize: 18, margin: 0 }} data-testid="awaiting-confirmation">
                  {t("needs.mine.awaiting", { count: awaiting.length })}
                </Typography.Title>,
                <Alert key="awaiting-hint" type="warning" showIcon message={t("needs.mine.awaitingHint")} />,
              ]
            : []),
          ...awaiting.map((need) => <ResidentNeedCard key={need.id} need={need} />),
          ...(others.length > 0
            ? [
                <Typography.Title key="others-title" level={2} style={{ fontSize: 18, margin: "12px 0 0" }}>
                  {t("needs.mine.others")}
                </Typography.Title>,
              ]
            : []),
          ...others.map((need) => <ResidentNeedCard key={need.id} need={need} />),
        ]}
      </Flex>
    </div>
  );
}
