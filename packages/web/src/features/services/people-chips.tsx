import { Form, Tag } from 'antd';

/** One tap to choose a person: the worker's people due a visit, then their own people (UX.md quick entry). */
export function PeopleChips({
  label,
  people,
  chosen,
  onToggle,
}: {
  label: string;
  people: { id: string; name: string; due: string }[];
  chosen: string[];
  onToggle: (id: string) => void;
}) {
  if (!people.length) return null;
  return (
    <Form.Item label={label}>
      {people.map((p) => (
        <Tag.CheckableTag
          key={p.id}
          checked={chosen.includes(p.id)}
          onChange={() => onToggle(p.id)}
          style={{ fontSize: 16, padding: '6px 12px', marginBottom: 6, border: '1px solid #d9d9d9' }}
        >
          {p.name}
          {p.due}
        </Tag.CheckableTag>
      ))}
    </Form.Item>
  );
}
