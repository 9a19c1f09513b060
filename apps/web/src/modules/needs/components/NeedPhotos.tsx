import type { NeedAttachment } from "@sanshe/contracts";
import { Image, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { attachmentUrl } from "../attachments";

/** A need's photos as thumbnails; clicking one opens it larger (with the others in a gallery). */
export function NeedPhotos({ needId, attachments }: { needId: string; attachments: NeedAttachment[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) {
    return null;
  }
  return (
    <div>
      <Typography.Title level={5}>{t("needs.photos.title")}</Typography.Title>
      <Image.PreviewGroup>
        <Space wrap>
          {attachments.map((attachment, index) => (
            <Image
              key={attachment.id}
              src={attachmentUrl(needId, attachment.id)}
              alt={t("needs.photos.thumbnail", { index: index + 1 })}
              width={96}
              height={96}
              style={{ objectFit: "cover", borderRadius: 4 }}
              data-testid="need-photo"
            />
          ))}
        </Space>
      </Image.PreviewGroup>
    </div>
  );
}
