-- Hand-written (issue 14.5). Jobs uploaded before 0028 kept the whole file in "file" (dropped there) and
-- have no encrypted rows, so those not yet ended cannot be written or resumed: mark them failed, with a
-- report entry telling the user to upload the file again.
UPDATE "import_jobs"
SET "status" = 'failed',
    "finished_at" = now(),
    "updated_at" = now(),
    "errors" = "errors" || '[{"row":1,"field":null,"code":"IMPORT_EXPIRED","message":"升级后须重新上传该文件。 / Upload the file again after the upgrade.","phase":"validation"}]'::jsonb
WHERE "status" IN ('validated', 'running') AND "rows_encrypted" IS NULL;
