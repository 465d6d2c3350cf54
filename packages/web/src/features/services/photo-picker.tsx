import { useEffect, useMemo } from 'react';
import { Button, Flex } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import type { OutboxPhoto } from './outbox-db';

const MAX_SIDE = 1600;
const MAX_PHOTOS = 6;

/**
 * A phone photo is often 5–12 MB; on a weak signal that is minutes. Scaled to 1600 px on its long side as JPEG (a few
 * hundred KB) where the browser can; the original otherwise.
 */
export async function shrinkPhoto(file: File): Promise<OutboxPhoto> {
  const keep = { name: file.name || 'photo.jpg', type: file.type || 'image/jpeg', blob: file as Blob };
  try {
    const bmp = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bmp.width, bmp.height));
    if (scale === 1 && file.size < 1_000_000) return keep;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bmp.width * scale);
    canvas.height = Math.round(bmp.height * scale);
    canvas.getContext('2d')!.drawImage(bmp, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return keep;
    return { name: keep.name.replace(/\.\w+$/, '') + '.jpg', type: 'image/jpeg', blob };
  } catch {
    return keep;
  }
}

/** Optional photos (no formalism: never required), taken with the camera or chosen; kept as Blobs in the outbox. */
export function PhotoPicker({ value, onChange }: { value: OutboxPhoto[]; onChange: (v: OutboxPhoto[]) => void }) {
  const urls = useMemo(() => value.map((p) => URL.createObjectURL(p.blob)), [value]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return (
    <Flex gap={8} wrap>
      {value.map((p, i) => (
        <div key={urls[i]} style={{ position: 'relative' }}>
          <img
            src={urls[i]}
            alt={`照片 ${i + 1}`}
            style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 6 }}
          />
          <Button
            size="small"
            shape="circle"
            icon={<CloseOutlined />}
            aria-label={`删除照片 ${i + 1}`}
            style={{ position: 'absolute', top: -6, right: -6 }}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      {value.length < MAX_PHOTOS && (
        <label
          style={{
            width: 72,
            height: 72,
            border: '1px dashed #bbb',
            borderRadius: 6,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
            cursor: 'pointer',
            fontSize: 12,
          }}
        >
          <CameraOutlined style={{ fontSize: 22 }} />
          拍照
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            aria-label="添加照片"
            style={{ display: 'none' }}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])].slice(0, MAX_PHOTOS - value.length);
              e.target.value = '';
              void Promise.all(files.map(shrinkPhoto)).then((ps) => onChange([...value, ...ps]));
            }}
          />
        </label>
      )}
    </Flex>
  );
}
