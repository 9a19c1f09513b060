import { Button, Drawer, Flex } from "antd";
import type { ReactNode } from "react";

type FormDrawerProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Width of the drawer. */
  size: number;
  cancelLabel: ReactNode;
  submitLabel: ReactNode;
  isSubmitting: boolean;
  /** Submits the form inside (usually `() => form.submit()`). */
  onSubmit: () => void;
  children: ReactNode;
};

/** A drawer holding one form, with cancel and submit buttons in its footer; its content is dropped when hidden. */
export function FormDrawer({ open, onClose, title, size, cancelLabel, submitLabel, isSubmitting, onSubmit, children }: FormDrawerProps) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={size}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{cancelLabel}</Button>
          <Button type="primary" loading={isSubmitting} onClick={onSubmit}>
            {submitLabel}
          </Button>
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
