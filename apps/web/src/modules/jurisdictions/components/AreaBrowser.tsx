import { SearchOutlined } from "@ant-design/icons";
import type { Area } from "@sanshe/contracts";
import { Input } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AreaSearchResults } from "./AreaSearchResults";
import { AreaTree } from "./AreaTree";

/** Pause after the last keystroke before the search is sent. */
const SEARCH_DELAY_MS = 350;

type AreaBrowserProps = {
  selectedCode?: string | undefined;
  onSelect: (area: Area) => void;
  /** Search text kept by the parent (e.g. in the URL); the browser keeps its own when absent. */
  query?: string;
  onQueryChange?: (query: string) => void;
};

/** Search box over a lazily loaded tree: an empty search shows the tree, a search shows the matches. */
export function AreaBrowser({ selectedCode, onSelect, query, onQueryChange }: AreaBrowserProps) {
  const { t } = useTranslation();
  const [ownQuery, setOwnQuery] = useState("");
  const committedQuery = query ?? ownQuery;
  const [text, setText] = useState(committedQuery);
  const [pageSize, setPageSize] = useState(20);
  const timer = useRef<number | undefined>(undefined);

  // Follow outside changes of the search (browser back/forward on the URL).
  useEffect(() => {
    setText((current) => (current.trim() === committedQuery ? current : committedQuery));
  }, [committedQuery]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (next: string) => {
    window.clearTimeout(timer.current);
    if (onQueryChange) {
      onQueryChange(next);
    } else {
      setOwnQuery(next);
    }
  };

  return (
    <>
      <Input
        data-testid="area-search"
        role="searchbox"
        aria-label={t("jurisdictions.search.label")}
        placeholder={t("jurisdictions.search.placeholder")}
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        maxLength={50}
        value={text}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => commit(value.trim()), SEARCH_DELAY_MS);
        }}
        onPressEnter={() => commit(text.trim())}
        style={{ marginBottom: 12 }}
      />
      {committedQuery === "" ? (
        <AreaTree selectedCode={selectedCode} onSelect={onSelect} label={t("jurisdictions.tree.label")} />
      ) : (
        <AreaSearchResults
          query={committedQuery}
          selectedCode={selectedCode}
          onSelect={onSelect}
          pageSize={pageSize}
          onPageSizeChange={setPageSize}
        />
      )}
    </>
  );
}
