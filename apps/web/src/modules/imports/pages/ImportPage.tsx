import { Button, Card, Result, Spin, Flex } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import { useQueryClient } from "@tanstack/react-query";
import { importEndpoints } from "@sanshe/contracts";
import { endpointKey, isProblem } from "../../../ui/api";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useImportJob } from "../api";
import { ImportJobList } from "../components/ImportJobList";
import { ImportProgressView } from "../components/ImportProgressView";
import { ImportReport } from "../components/ImportReport";
import { ImportSteps } from "../components/ImportSteps";
import { ImportSummary } from "../components/ImportSummary";
import { KindStep } from "../components/KindStep";
import { UploadStep } from "../components/UploadStep";
import { type ImportKind, isImportKind, useAllowedImportKinds } from "../kinds";

/** Router state that opens the flow at the upload step for a kind ("重新上传", "继续导入"). */
type NewImportState = { kind?: unknown } | null;

/** Steps 1–2: choose the kind (and its template), then upload; the report opens at /imports/:id. */
function NewImportFlow() {
  const kinds = useAllowedImportKinds();
  const location = useLocation();
  const navigate = useNavigate();
  const requested = (location.state as NewImportState)?.kind;
  const preselected = isImportKind(requested) && kinds.includes(requested) ? requested : undefined;
  const [kind, setKind] = useState<ImportKind | undefined>(preselected ?? (kinds.length === 1 ? kinds[0] : undefined));
  const [step, setStep] = useState(preselected ? 1 : 0);

  return (
    <Card>
      <ImportSteps current={step} onChange={setStep} />
      {step === 1 && kind ? (
        <UploadStep kind={kind} onBack={() => setStep(0)} onUploaded={(job) => void navigate(`/imports/${job.id}`)} />
      ) : (
        <KindStep kinds={kinds} value={kind} onChange={setKind} onNext={() => setStep(1)} />
      )}
    </Card>
  );
}

/** Steps 3–4 of one job: its report, then progress and outcome; polled while it runs. */
function ImportJobFlow({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const job = useImportJob(id);
  const status = job.data?.status;

  // The list shows statuses and counts too: refresh it whenever this job moves on.
  useEffect(() => {
    if (status !== undefined) {
      void queryClient.invalidateQueries({ queryKey: endpointKey(importEndpoints.list) });
    }
  }, [status, queryClient]);

  if (job.isPending) {
    return (
      <Card>
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin size="large" description={t("ui.common.loading")} />
        </Flex>
      </Card>
    );
  }
  const restart = () => void navigate("/imports", { state: { kind: job.data?.kind } });
  if (job.isError) {
    return (
      <Card>
        {isProblem(job.error) && (job.error.status === 404 || job.error.status === 400) ? (
          <Result
            status="404"
            title={t("imports.job.notFound")}
            extra={<Button onClick={() => void navigate("/imports")}>{t("imports.job.back")}</Button>}
          />
        ) : (
          <ProblemAlert error={job.error} />
        )}
      </Card>
    );
  }
  const data = job.data;
  const isReport = data.status === "validated" || data.status === "failed";
  return (
    <Card>
      <ImportSteps
        current={isReport || data.status === "validating" ? 2 : 3}
        status={data.status === "failed" ? "error" : data.status === "completed" ? "finish" : "process"}
      />
      <ImportSummary job={data} />
      {isReport ? <ImportReport job={data} onReupload={restart} /> : <ImportProgressView job={data} onAnother={restart} />}
    </Card>
  );
}

/** 数据导入 (/imports and /imports/:id): the import flow above, 我的导入记录 below. */
export function ImportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <>
      <PageHeader title={t("imports.page.title")} subtitle={t("imports.page.subtitle")} />
      {id ? <ImportJobFlow key={id} id={id} /> : <NewImportFlow />}
      <ImportJobList currentId={id} />
    </>
  );
}
