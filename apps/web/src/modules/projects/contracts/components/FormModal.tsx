import { Modal } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type FormModalProps = {
  open: boolean;
  title: string;
  okText: string;
  isSaving: boolean;
  /** Submits the form inside (usually `() => form.submit()`). */
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
};

/** A modal holding one contract form: its OK button submits it and is held while saving; the form is dropped when hidden. */
export function FormModal({ open, title, okText, isSaving, onOk, onClose, children }: FormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t("contracts.actions.cancel")}
      okButtonProps={{ loading: isSaving, disabled: isSaving }}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
