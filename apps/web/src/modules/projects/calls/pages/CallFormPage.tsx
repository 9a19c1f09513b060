import type { CallDetail } from "@sanshe/contracts";
import { Alert, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { ApiError, isProblem } from "../../../../ui/api";
import { PageHeader } from "../../../../ui/PageHeader";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../../ui/useIdempotencyKey";
import { useMe } from "../../../auth";
import { useCall, useCallSuggestion, useCreateCall, usePublishCall, usePublishNewCall, useUpdateCall } from "../api";
import { CallForm } from "../components/CallForm";
import { initialCallValues, toCallData, type CallFormValues } from "../components/callFormValues";

/** /calls/new (optionally ?area= to start from the area's unmet needs) and /calls/:id/edit (drafts only). */
export function CallFormPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const requestedArea = params.get("area") ?? undefined;
  const suggestedArea = id === undefined && requestedArea && /^\d{2,12}$/.test(requestedArea) ? requestedArea : undefined;
  const me = useMe();
  const existing = useCall(id);
  const suggestion = useCallSuggestion(suggestedArea);
  const [now] = useState(() => Date.now());

  if (me.isPending || (id !== undefined && existing.isPending) || (suggestedArea !== undefined && suggestion.isPending)) {
    return <Spin />;
  }
  if (id !== undefined && existing.isError) {
    return <ProblemAlert error={existing.error} />;
  }
  const call = existing.data;
  if (call && (call.status !== "draft" || !call.viewer.purchaser)) {
    return (
      <>
        <PageHeader title={t("calls.form.editTitle")} />
        <Alert
          type="warning"
          showIcon
          title={t("calls.form.notDraft")}
          description={<Link to={`/calls/${call.id}`}>{t("calls.form.backToCall")}</Link>}
        />
      </>
    );
  }
  const managed = (me.data?.memberships ?? []).filter((m) => m.role === "official" || m.role === "community_staff");
  // The purchaser's area is picked in the tree under the one area the user manages (all of theirs when several).
  const areaRoot = call ? call.area_code : managed.length === 1 ? managed[0]?.area_code : undefined;
  const suggestedRoot = suggestedArea ? suggestion.data?.area_code : undefined;
  const home = managed.find((m) => suggestedRoot?.startsWith(m.area_code)) ?? managed[0];
  const initialValues = initialCallValues(t, home, call, suggestion.data, now);

  return (
    <>
      <PageHeader title={call ? t("calls.form.editTitle") : t("calls.form.newTitle")} subtitle={t("calls.form.subtitle")} />
      {suggestion.isError ? <ProblemAlert error={suggestion.error} style={{ marginBottom: 16 }} /> : null}
      {managed.length === 0 && !call ? <Alert type="info" showIcon title={t("calls.form.noArea")} style={{ marginBottom: 16 }} /> : null}
      {call ? <EditCall call={call} initialValues={initialValues} areaRoot={areaRoot} /> : null}
      {!call ? <NewCall initialValues={initialValues} areaRoot={areaRoot} suggestion={suggestion.data} /> : null}
    </>
  );
}

type Props = { initialValues: CallFormValues; areaRoot: string | undefined };

function NewCall({ initialValues, areaRoot, suggestion }: Props & { suggestion: Parameters<typeof CallForm>[0]["suggestion"] }) {
  const navigate = useNavigate();
  const create = useCreateCall();
  const idempotency = useIdempotencyKey();
  const publish = usePublishNewCall();
  const [error, setError] = useState<unknown>(null);

  const onSubmit = (values: CallFormValues, shouldPublish: boolean) => {
    setError(null);
    const body = { area_code: values.area_code, ...toCallData(values) };
    create.mutate(
      { ...body, idempotencyKey: idempotency.keyFor(body) },
      {
        onSuccess: (saved) => {
          idempotency.reset();
          if (!shouldPublish) {
            void navigate(`/calls/${saved.id}`);
            return;
          }
          publish.mutate(
            { id: saved.id, version: saved.version },
            {
              onSuccess: () => void navigate(`/calls/${saved.id}`),
              // The draft is saved; the call page shows why publication failed and offers it again.
              onError: (publishError) =>
                void navigate(`/calls/${saved.id}`, {
                  state: { publishProblem: publishError instanceof ApiError ? publishError.problem : null },
                }),
            },
          );
        },
        onError: setError,
      },
    );
  };
  return (
    <CallForm
      initialValues={initialValues}
      areaRoot={areaRoot}
      isEditing={false}
      suggestion={suggestion}
      knownReviewers={[]}
      isSaving={create.isPending || publish.isPending}
      error={error}
      onSubmit={onSubmit}
    />
  );
}

function EditCall({ call, initialValues, areaRoot }: Props & { call: CallDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateCall(call.id);
  const publish = usePublishCall(call.id);
  const error = update.error ?? publish.error;

  const onSubmit = (values: CallFormValues, shouldPublish: boolean) => {
    update.mutate(
      { version: call.version, data: toCallData(values) },
      {
        onSuccess: (saved) => {
          if (!shouldPublish) {
            void navigate(`/calls/${saved.id}`);
            return;
          }
          publish.mutate({ version: saved.version }, { onSuccess: () => void navigate(`/calls/${saved.id}`) });
        },
      },
    );
  };
  return (
    <>
      {isProblem(error, "VERSION_CONFLICT") ? (
        <Alert type="warning" showIcon title={t("calls.reload")} style={{ marginBottom: 16 }} />
      ) : null}
      <CallForm
        key={call.version}
        initialValues={initialValues}
        areaRoot={areaRoot}
        isEditing
        suggestion={undefined}
        knownReviewers={call.reviewers}
        isSaving={update.isPending || publish.isPending}
        error={error}
        onSubmit={onSubmit}
      />
    </>
  );
}
