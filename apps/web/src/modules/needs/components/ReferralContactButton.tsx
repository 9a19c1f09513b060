import type { Referral } from "@sanshe/contracts";
import { useTranslation } from "react-i18next";
import { RevealButton, revealedText } from "../../../ui/RevealButton";
import { useRevealReferralContact } from "../api";

/** "查看联系方式" on an accepted referral: whom to visit, in full, for a stated purpose (audited on the server). */
export function ReferralContactButton({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const reveal = useRevealReferralContact(referral.id);
  return (
    <RevealButton
      name={`referral-contact-${referral.id}`}
      size="small"
      label={t("needs.inbox.showContact")}
      title={t("needs.inbox.contactTitle")}
      hint={t("needs.inbox.contactPurposeHint")}
      notice={t("needs.inbox.contactAudited")}
      reveal={reveal}
      describe={(values) => [
        { key: "name", label: t("needs.inbox.contactName"), children: revealedText(values.contact_name) },
        { key: "phone", label: t("needs.inbox.contactPhone"), children: revealedText(values.contact_phone) },
        ...(values.contact_email
          ? [{ key: "email", label: t("needs.inbox.contactEmail"), children: revealedText(values.contact_email) }]
          : []),
        { key: "address", label: t("needs.field.address"), children: revealedText(values.address) },
      ]}
    />
  );
}
