import { useId, useState, type DragEvent } from "react";
import { ErrorNotice } from "@/components/status";
import { PHOTO_ACCEPT, photoFileProblem } from "@/lib/photo-files";
import type { UploadProgress } from "@/lib/upload";

interface PhotoDropProps {
  /** The file input's label, e.g. "Add a photo". */
  label: string;
  /** Called with a file that passed the checks here; the caller uploads it. */
  onFile: (file: File) => void;
  /** An upload is under way: no second one until it ends. */
  pending: boolean;
  /** How far the upload under way has come (its progress events). */
  progress: UploadProgress | undefined;
  /** The failed upload, with the server's reason. */
  error: unknown;
}

function percent({ sent, total }: UploadProgress): number {
  return total === 0 ? 0 : Math.floor((100 * sent) / total);
}

/** Where the upload is: a progress bar while it is sent, then a word while the server works. */
function UploadState({ progress }: { progress: UploadProgress | undefined }) {
  const done = progress === undefined ? 0 : percent(progress);
  return (
    <div className="upload-state">
      <progress max={100} value={done} aria-label="Upload progress" />
      <span role="status">
        {done < 100 ? `Uploading… ${done}%` : "Uploaded; the server is preparing the photo…"}
      </span>
    </div>
  );
}

/**
 * A photo picker that also takes a file dropped on it. A file the server would refuse for its
 * type or size is refused here at once, with the reason, instead of after the upload; the server
 * checks again (by the file's bytes).
 */
export function PhotoDrop({ label, onFile, pending, progress, error }: PhotoDropProps) {
  const id = useId();
  const [problem, setProblem] = useState<string>();
  const [dragging, setDragging] = useState(false);

  function take(files: FileList | null) {
    if (files === null || files.length === 0 || pending) return;
    const file = files[0];
    const found =
      files.length > 1 || file === undefined ? "Add one photo at a time." : photoFileProblem(file);
    setProblem(found);
    if (found === undefined && file !== undefined) onFile(file);
  }
  function dragOver(e: DragEvent) {
    e.preventDefault();
    setDragging(true);
  }

  return (
    <div
      className={dragging ? "photo-drop dragging" : "photo-drop"}
      onDragEnter={dragOver}
      onDragOver={dragOver}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        take(e.dataTransfer.files);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={PHOTO_ACCEPT}
        disabled={pending}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          take(e.target.files);
          // The same file may be chosen again after a failed upload.
          e.target.value = "";
        }}
      />
      <small id={`${id}-hint`} className="hint">
        Choose a photo or drop it here: JPEG, PNG, WebP or HEIC, at most 15 MB. Location and other
        details stored in the file are removed.
      </small>
      {pending && <UploadState progress={progress} />}
      {problem !== undefined && (
        <p className="error-notice" role="alert">
          {problem}
        </p>
      )}
      {problem === undefined && error !== null && !pending && (
        <ErrorNotice error={error} what="Not uploaded" />
      )}
    </div>
  );
}
