import { Button, Card, Flex, Space, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useHasPermission } from "../../auth";
import { useNeed } from "../api";
import { ConfirmForm } from "../components/ConfirmForm";
import { NeedDetailView } from "../components/NeedDetailView";

/** One need on its own page (the target of notification links). */
export function NeedPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { data, error, isLoading } = useNeed(id);
  const canWrite = useHasPermission("needs.write");
  const canList = useHasPermission("needs.read");
  const handlesReferrals = useHasPermission("referrals.handle");
  // A resident reads only their own needs: on a done one they confirm it themself.
  const reports = useHasPermission("needs.report") && !canList;
  // Back to where this user meets needs: the area's list, their inbox, or their own reports.
  const back = canList ? "/needs" : handlesReferrals ? "/referrals" : "/report";
  return (
    <>
      <PageHeader
        title={data ? `${t("needs.page.title")} · ${data.category_name}` : t("needs.page.title")}
        extra={
          <Link to={back}>
            <Button>{t("needs.page.back")}</Button>
          </Link>
        }
      />
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      {isLoading && (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      )}
      {data && (
        <Card>
          <Space direction="vertical" style={{ width: "100%" }}>
            {data.status === "done" && (canWrite || reports) && <ConfirmForm need={data} mode={canWrite ? "callback" : "resident"} />}
            <NeedDetailView need={data} />
          </Space>
        </Card>
      )}
    </>
  );
}
