import { Handle, Position } from "@xyflow/react";

// Hidden, not transparent: an opacity is a compositing effect of its own, two per box, which the browser
// re-layered on every frame of a pan (issue 15: 500 of them at 1,000 pods).
const hidden = { visibility: "hidden", pointerEvents: "none" } as const;

/** React Flow draws an edge only between handles; ours are invisible, since edges bring their own curves. */
export function HiddenHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} style={hidden} />
      <Handle type="source" position={Position.Right} isConnectable={false} style={hidden} />
    </>
  );
}
