import { Handle, Position } from "@xyflow/react";

const hidden = { opacity: 0, pointerEvents: "none" } as const;

/** React Flow draws an edge only between handles; ours are invisible, since edges bring their own curves. */
export function HiddenHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} style={hidden} />
      <Handle type="source" position={Position.Right} isConnectable={false} style={hidden} />
    </>
  );
}
