import type { CallSuggestion } from "@sanshe/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAreaChildren, useAreasByCode, useNeedCategoryList, useReviewerCandidates } from "../api";

/**
 * The options of the call form's selects: need categories with their unmet counts, target areas (the
 * call's area, its children and any chosen one, named), and reviewer candidates searched by name.
 */
export function useCallFormOptions({
  area,
  targets,
  suggestion,
  areaOptions,
  knownReviewers,
}: {
  area: string;
  targets: string[];
  suggestion: CallSuggestion | undefined;
  areaOptions: { value: string; label: string }[];
  knownReviewers: { user_id: string; display_name: string }[];
}) {
  const { t } = useTranslation();
  const [reviewerSearch, setReviewerSearch] = useState("");
  const candidates = useReviewerCandidates(area, reviewerSearch);
  const categories = useNeedCategoryList();
  const children = useAreaChildren(area);
  const counts = new Map((suggestion?.categories ?? []).map((c) => [c.code, c.count]));
  const areaCounts = new Map((suggestion?.areas ?? []).map((a) => [a.area_code, a.count]));
  const knownAreas = new Map<string, string>();
  for (const option of areaOptions) {
    knownAreas.set(option.value, option.label);
  }
  for (const child of children.data?.items ?? []) {
    knownAreas.set(child.code, child.name);
  }
  const unknown = targets.filter((code) => !knownAreas.has(code));
  const named = useAreasByCode(unknown);
  for (const result of named) {
    if (result.data) {
      knownAreas.set(result.data.code, result.data.name);
    }
  }
  const targetCodes = [...new Set([area, ...(children.data?.items ?? []).map((c) => c.code), ...targets].filter(Boolean))];
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

  return { candidates, categories, counts, areaCounts, knownAreas, targetCodes, reviewerOptions, setReviewerSearch };
}

export type CallFormOptions = ReturnType<typeof useCallFormOptions>;
