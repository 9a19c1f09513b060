import type { CallSuggestion } from "@sanshe/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNeedCategoryList, useReviewerCandidates } from "../api";

/**
 * The options of the call form's selects: need categories with their unmet counts, the unmet counts of
 * the target areas, and reviewer candidates searched by name.
 */
export function useCallFormOptions({
  area,
  suggestion,
  knownReviewers,
}: {
  area: string;
  suggestion: CallSuggestion | undefined;
  knownReviewers: { user_id: string; display_name: string }[];
}) {
  const { t } = useTranslation();
  const [reviewerSearch, setReviewerSearch] = useState("");
  const candidates = useReviewerCandidates(area, reviewerSearch);
  const categories = useNeedCategoryList();
  const counts = new Map((suggestion?.categories ?? []).map((c) => [c.code, c.count]));
  const areaCounts = new Map((suggestion?.areas ?? []).map((a) => [a.area_code, a.count]));
  const reviewerOptions = new Map<string, string>();
  for (const reviewer of knownReviewers) {
    reviewerOptions.set(reviewer.user_id, reviewer.display_name);
  }
  for (const candidate of candidates.data?.items ?? []) {
    reviewerOptions.set(
      candidate.user_id,
      `${candidate.display_name}（${t(`calls.roles.${candidate.role}`, { defaultValue: candidate.role })} · ${candidate.area_name ?? candidate.area_code}）`,
    );
  }

  return { area, candidates, categories, counts, areaCounts, reviewerOptions, setReviewerSearch };
}

export type CallFormOptions = ReturnType<typeof useCallFormOptions>;
