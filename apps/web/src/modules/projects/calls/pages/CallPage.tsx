import { EditOutlined } from "@ant-design/icons";
import type { CallDetail, Problem } from "@sanshe/contracts";
import { Alert, Button, Flex, Popconfirm, Space, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router-dom";
import { ApiError, isProblem } from "../../../../ui/api";
import { PageHeader } from "../../../../ui/PageHeader";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { useHasPermission } from "../../../auth";
import { useCall, useCancelCall, usePublishCall } from "../api";
import { ApplicantPanel } from "../components/ApplicantPanel";
import { CallOverview } from "../components/CallOverview";
import { CallStatusTag } from "../components/CallStatusTag";
import { PurchaserPanel } from "../components/PurchaserPanel";
import { ReviewPanel } from "../components/ReviewPanel";

/** 项目征集详情: the published call for every reader, and what the viewer's role lets them do with it. */
export function CallPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const location = useLocation();
  const query = useCall(id);
  const canApply = useHasPermission("projects.apply");
  const publishProblem = (location.state as { publishProblem?: Problem | null } | null)?.publishProblem;
  if (query.isPending) {
    return <Spin />;
  }
  if (query.isError) {
    return <ProblemAlert error={query.error} />;
  }
  const call = query.data;
  return (
    <>
      <PageHeader
        title={call.title}
        subtitle={t("calls.detail.subtitle")}
        extra={
          <Space wrap>
            <CallStatusTag status={call.status} />
            {call.viewer.purchaser ? <PurchaserButtons call={call} /> : null}
          </Space>
        }
      />
      {publishProblem ? <ProblemAlert error={new ApiError(publishProblem)} style={{ marginBottom: 16 }} /> : null}
      <Flex vertical gap={16}>
        <CallOverview call={call} />
        {call.viewer.purchaser ? <PurchaserPanel call={call} /> : null}
        {call.viewer.reviewer ? <ReviewPanel call={call} /> : null}
        {canApply && !call.viewer.purchaser && call.status !== "draft" ? <ApplicantPanel call={call} /> : null}
      </Flex>
    </>
  );
}

function PurchaserButtons({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const publish = usePublishCall(call.id);
  const cancel = useCancelCall(call.id);
  const error = publish.error ?? cancel.error;
  return (
    <>
      {call.status === "draft" ? (
        <>
          <Link to={`/calls/${call.id}/edit`}>
            <Button icon={<EditOutlined />}>{t("calls.detail.edit")}</Button>
          </Link>
          <Popconfirm
            title={t("calls.detail.publishConfirm")}
            description={t("calls.detail.publishConsequence")}
            okText={t("calls.detail.publish")}
            cancelText={t("calls.detail.keep")}
            onConfirm={() => publish.mutate({ version: call.version })}
          >
            <Button type="primary" loading={publish.isPending}>
              {t("calls.detail.publish")}
            </Button>
          </Popconfirm>
        </>
      ) : null}
      {call.status !== "awarded" && call.status !== "cancelled" ? (
        <Popconfirm
          title={t("calls.detail.cancelConfirm")}
          okText={t("calls.detail.cancel")}
          cancelText={t("calls.detail.keep")}
          onConfirm={() => cancel.mutate({ version: call.version })}
        >
          <Button danger loading={cancel.isPending}>
            {t("calls.detail.cancel")}
          </Button>
        </Popconfirm>
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          title={
            isProblem(error, "VERSION_CONFLICT") ? t("calls.reload") : error instanceof ApiError ? error.problem.title : t("calls.error")
          }
          description={error instanceof ApiError ? error.problem.detail : undefined}
        />
      ) : null}
    </>
  );
}
