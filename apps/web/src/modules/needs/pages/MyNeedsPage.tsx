import { FormOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Flex, Space, Spin, Typography } from "antd";
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
      {awaiting.length > 0 && (
        <section aria-labelledby="awaiting-title" style={{ marginBottom: 24 }} data-testid="awaiting-confirmation">
          <Typography.Title level={2} id="awaiting-title" style={{ fontSize: 18 }}>
            {t("needs.mine.awaiting", { count: awaiting.length })}
          </Typography.Title>
          <Alert type="warning" showIcon message={t("needs.mine.awaitingHint")} style={{ marginBottom: 12 }} />
          <Flex vertical gap={12}>
            {awaiting.map((need) => (
              <ResidentNeedCard key={need.id} need={need} />
            ))}
          </Flex>
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="others-title">
          <Typography.Title level={2} id="others-title" style={{ fontSize: 18 }}>
            {t("needs.mine.others")}
          </Typography.Title>
          <Space direction="vertical" style={{ width: "100%" }} size={12}>
            {others.map((need) => (
              <ResidentNeedCard key={need.id} need={need} />
            ))}
          </Space>
        </section>
      )}
    </div>
  );
}
