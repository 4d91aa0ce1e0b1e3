// Categories another tool (the LFX sync) owns in the real landscape: we never edit them, and
// their items are not ecosystem projects.
export const PROTECTED: readonly string[] = ['PyTorch Members', 'PyTorch Projects'];
