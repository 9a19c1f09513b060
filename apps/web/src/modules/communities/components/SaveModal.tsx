import { Alert, Modal } from "antd";
import type { FormInstance } from "antd";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import { showFieldErrors } from "../../../ui/fieldErrors";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useIdempotencyKey } from "../../../ui/useIdempotencyKey";

type Resettable = { reset: () => void };
type SaveCallbacks = { onSuccess: () => void; onError: (error: unknown) => void };

/**
 * Saving a community's thing from a modal, created or edited with the version read: a version
 * conflict raises a warning, other field problems go on the form's fields, and a creation keeps its
 * idempotency key until it succeeds.
 */
export function useModalSave<Values>(form: FormInstance<Values>, fields: string[], isEditing: boolean) {
  const idempotency = useIdempotencyKey();
  const [hasConflict, setHasConflict] = useState(false);
  const onError = (error: unknown) => {
    if (isProblem(error, "VERSION_CONFLICT")) {
      setHasConflict(true);
      return;
    }
    showFieldErrors(form, error, fields, isEditing ? ["data"] : []);
  };
  return {
    hasConflict,
    onError,
    /** Clears the warning, the mutations' errors and the form, then fills it with `values`. */
    restart(mutations: Resettable[], values: Parameters<FormInstance<Values>["setFieldsValue"]>[0]) {
      setHasConflict(false);
      for (const mutation of mutations) {
        mutation.reset();
      }
      form.resetFields();
      form.setFieldsValue(values);
    },
    /** Sends `body` with its idempotency key through `mutate`; `onSaved` once it succeeded. */
    create<Body extends object>(
      body: Body,
      mutate: (variables: Body & { idempotencyKey: string }, callbacks: SaveCallbacks) => void,
      onSaved: () => void,
    ) {
      mutate(
        { ...body, idempotencyKey: idempotency.keyFor(body) },
        {
          onSuccess: () => {
            idempotency.reset();
            onSaved();
          },
          onError,
        },
      );
    },
  };
}

type SaveModalProps = {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onOk: () => void;
  isSaving: boolean;
  hasConflict: boolean;
  /** The save's error (a version conflict shows as the warning instead). */
  error: unknown;
  children: ReactNode;
};

/** The modal around a community's create/edit form: save and cancel, the conflict warning and the save's problem. */
export function SaveModal({ open, title, onClose, onOk, isSaving, hasConflict, error, children }: SaveModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onOk}
      okText={t("communities.common.save")}
      cancelText={t("communities.common.cancel")}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      {hasConflict ? <Alert type="warning" showIcon title={t("communities.common.conflict")} style={{ marginBottom: 12 }} /> : null}
      {error !== null && error !== undefined && !isProblem(error, "VERSION_CONFLICT") ? (
        <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      ) : null}
      {children}
    </Modal>
  );
}
