import type { Area } from "@sanshe/contracts";
import { Modal } from "antd";
import { useTranslation } from "react-i18next";
import { AreaBrowser } from "./AreaBrowser";

type AreaPickerModalProps = {
  open: boolean;
  selectedCode?: string | undefined;
  onPick: (area: Area) => void;
  onCancel: () => void;
};

/** Dialog to choose an area from the caller's jurisdiction, by tree or by name search. */
export function AreaPickerModal({ open, selectedCode, onPick, onCancel }: AreaPickerModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t("jurisdictions.picker.title")}
      onCancel={onCancel}
      footer={null}
      destroyOnHidden
      width={640}
      styles={{ body: { maxHeight: "65vh", overflow: "auto" } }}
    >
      <AreaBrowser selectedCode={selectedCode} onSelect={onPick} />
    </Modal>
  );
}
