import { DeleteOutlined } from "@ant-design/icons";
import { Button, Card } from "antd";
import type { ReactNode } from "react";

type RemovableCardProps = {
  title: ReactNode;
  /** Accessible name of the remove button. */
  removeLabel: string;
  /** False hides the remove button (the last entry of a list that may not be empty). */
  canRemove: boolean;
  onRemove: () => void;
  children: ReactNode;
};

/** One entry of a repeated form list (a milestone, a membership), in a small card with a remove button. */
export function RemovableCard({ title, removeLabel, canRemove, onRemove, children }: RemovableCardProps) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={title}
      extra={canRemove ? <Button type="text" danger icon={<DeleteOutlined />} aria-label={removeLabel} onClick={onRemove} /> : null}
    >
      {children}
    </Card>
  );
}
