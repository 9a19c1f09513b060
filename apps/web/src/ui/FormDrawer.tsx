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
  /** Where the buttons stand: in the footer (default) or at the right of the title. */
  actionsIn?: "footer" | "header";
  children: ReactNode;
};

/** A drawer holding one form, with cancel and submit buttons (in its footer unless asked otherwise); its content is dropped when hidden. */
export function FormDrawer({
  open,
  onClose,
  title,
  size,
  cancelLabel,
  submitLabel,
  isSubmitting,
  onSubmit,
  actionsIn = "footer",
  children,
}: FormDrawerProps) {
  const buttons = (
    <>
      <Button onClick={onClose}>{cancelLabel}</Button>
      <Button type="primary" loading={isSubmitting} onClick={onSubmit}>
        {submitLabel}
      </Button>
    </>
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={size}
      destroyOnHidden
      extra={actionsIn === "header" ? <Flex gap={8}>{buttons}</Flex> : undefined}
      footer={
        actionsIn === "footer" ? (
          <Flex justify="flex-end" gap={8}>
            {buttons}
          </Flex>
        ) : undefined
      }
    >
      {children}
    </Drawer>
  );
}
