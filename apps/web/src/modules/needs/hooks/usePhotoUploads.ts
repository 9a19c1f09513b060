import { MAX_ATTACHMENTS_PER_NEED } from "@sanshe/contracts";
import { useCallback, useState } from "react";
import { uploadAttachment } from "../attachments";

export type PhotoStatus = "waiting" | "uploading" | "done" | "error";

/** One picked photo: its file, its own Idempotency-Key (kept across retries) and where its upload stands. */
export type PickedPhoto = { uid: string; name: string; file: File; key: string; status: PhotoStatus; error: unknown };

/**
 * Photos picked before a need exists, uploaded one by one after it is created. A failed photo keeps
 * its Idempotency-Key, so retrying never stores the same photo twice.
 */
export function usePhotoUploads() {
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [isUploading, setIsUploading] = useState(false);

  const add = useCallback((uid: string, file: File) => {
    setPhotos((current) =>
      current.length >= MAX_ATTACHMENTS_PER_NEED
        ? current
        : [...current, { uid, name: file.name, file, key: crypto.randomUUID(), status: "waiting", error: null }],
    );
  }, []);
  const remove = useCallback((uid: string) => setPhotos((current) => current.filter((photo) => photo.uid !== uid)), []);
  const clear = useCallback(() => setPhotos([]), []);

  /** Uploads every photo not yet done; resolves with how many failed. */
  const uploadAll = useCallback(async (needId: string, list: PickedPhoto[]): Promise<number> => {
    setIsUploading(true);
    let failed = 0;
    const update = (uid: string, change: Partial<PickedPhoto>) =>
      setPhotos((current) => current.map((photo) => (photo.uid === uid ? { ...photo, ...change } : photo)));
    for (const photo of list) {
      if (photo.status === "done") {
        continue;
      }
      update(photo.uid, { status: "uploading", error: null });
      try {
        await uploadAttachment(needId, photo.file, photo.key);
        update(photo.uid, { status: "done" });
      } catch (error) {
        failed += 1;
        update(photo.uid, { status: "error", error });
      }
    }
    setIsUploading(false);
    return failed;
  }, []);

  return { photos, add, remove, clear, uploadAll, isUploading };
}
