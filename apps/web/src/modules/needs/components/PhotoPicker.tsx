import { PlusOutlined } from "@ant-design/icons";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_NEED } from "@sanshe/contracts";
import { App, Upload } from "antd";
import type { UploadFile } from "antd";
import { useTranslation } from "react-i18next";
import { isProblem } from "../../../ui/api";
import type { PickedPhoto } from "../hooks/usePhotoUploads";

const ACCEPTED = ["image/jpeg", "image/png", "image/webp"];

type PhotoPickerProps = {
  photos: PickedPhoto[];
  onAdd: (uid: string, file: File) => void;
  onRemove: (uid: string) => void;
  disabled?: boolean;
};

/** Picks up to six photos without uploading them (beforeUpload returns false); shows each photo's upload state. */
export function PhotoPicker({ photos, onAdd, onRemove, disabled }: PhotoPickerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fileList: UploadFile[] = photos.map((photo) => ({
    uid: photo.uid,
    name: photo.name,
    originFileObj: photo.file as UploadFile["originFileObj"],
    status: photo.status === "error" ? "error" : photo.status === "uploading" ? "uploading" : "done",
    percent: photo.status === "uploading" ? 50 : undefined,
    response: isProblem(photo.error) ? photo.error.problem.detail : undefined,
    error: photo.error ? { message: isProblem(photo.error) ? photo.error.problem.detail : t("needs.photos.status.error") } : undefined,
  }));
  return (
    <Upload
      listType="picture-card"
      accept={ACCEPTED.join(",")}
      multiple
      disabled={disabled}
      fileList={fileList}
      maxCount={MAX_ATTACHMENTS_PER_NEED}
      beforeUpload={(file) => {
        if (!ACCEPTED.includes(file.type)) {
          void message.error(t("needs.photos.wrongType", { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_ATTACHMENT_BYTES) {
          void message.error(t("needs.photos.tooLarge", { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        if (photos.length < MAX_ATTACHMENTS_PER_NEED) {
          onAdd(file.uid, file);
        }
        return false;
      }}
      onRemove={(file) => {
        onRemove(file.uid);
        return true;
      }}
    >
      {photos.length < MAX_ATTACHMENTS_PER_NEED && !disabled && (
        <button type="button" style={{ border: 0, background: "none" }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t("needs.photos.add")}</div>
        </button>
      )}
    </Upload>
  );
}
