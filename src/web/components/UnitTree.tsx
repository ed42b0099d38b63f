import { useQueryClient } from '@tanstack/react-query';
import { App, Tree, type TreeDataNode, Typography } from 'antd';
import { type Key, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Unit } from '../api/types';
import { fetchUnitChildren } from '../api/units';
import { useErrorText } from '../hooks/use-error-text';
import { UnitKindTag, UnitLifeTag } from './UnitTags';
import { compareUnitsForTree } from './unit-order';
import { unitPath } from './unit-path';

interface TreeMemory {
  expanded: Key[];
  children: Record<string, Unit[]>;
}

// What was expanded survives a visit to a unit page and the way back (per user and day, this tab only).
const memories = new Map<string, TreeMemory>();

function UnitTitle({ unit, date }: { unit: Unit; date: string | undefined }) {
  return (
    <span>
      <Link to={unitPath(unit.id, date)} style={{ marginInlineEnd: 6 }}>
        {unit.name}
      </Link>
      <UnitKindTag kind={unit.kind} />
      <UnitLifeTag unit={unit} />
      {unit.code ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {unit.code}
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** The unit tree on one day; children are fetched when a node is first expanded. */
export function UnitTree({
  roots,
  date,
  memoryKey,
}: {
  roots: Unit[];
  date: string | undefined;
  memoryKey: string;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [memory, setMemory] = useState<TreeMemory>(
    () => memories.get(memoryKey) ?? { expanded: roots.length === 1 ? [roots[0]!.id] : [], children: {} },
  );

  const remember = (update: (current: TreeMemory) => TreeMemory) => {
    setMemory((current) => {
      const next = update(current);
      memories.set(memoryKey, next);
      return next;
    });
  };

  const toNode = (unit: Unit): TreeDataNode => {
    const children = memory.children[unit.id];
    return {
      key: unit.id,
      title: <UnitTitle unit={unit} date={date} />,
      isLeaf: unit.childCount === 0,
      children: children ? [...children].sort(compareUnitsForTree).map(toNode) : undefined,
    };
  };

  const handleLoadData = async (node: { key: Key }) => {
    const unitId = String(node.key);
    if (memory.children[unitId]) return;
    try {
      const children = await fetchUnitChildren(queryClient, unitId, date);
      remember((current) => ({ ...current, children: { ...current.children, [unitId]: children } }));
    } catch (error) {
      void message.error(errorText(error));
      remember((current) => ({ ...current, expanded: current.expanded.filter((key) => key !== node.key) }));
    }
  };

  return (
    <Tree
      className="unit-tree"
      treeData={[...roots].sort(compareUnitsForTree).map(toNode)}
      loadData={handleLoadData}
      loadedKeys={Object.keys(memory.children)}
      expandedKeys={memory.expanded}
      onExpand={(keys) => remember((current) => ({ ...current, expanded: keys }))}
      selectable={false}
      blockNode
      showLine
    />
  );
}
