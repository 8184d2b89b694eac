// VS Code's native debugger for the model (debug type `kpr`).
export { registerNativeDebugger } from './register';
export { onDidStopInModel, type ModelDebugStop } from './stops';
