import ts from "typescript";

/**
 * The names a module exports, as the TypeScript compiler sees them (re-exports and
 * `export type` included): what a TypeDoc page of that module must list.
 *
 * @example exportedNames("packages/core/src/index.ts") // ["ApiClient", "ApiError", …]
 */
export function exportedNames(entry: string): string[] {
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${entry} is not a module the compiler can read`);
  return checker
    .getExportsOfModule(module)
    .map((symbol) => symbol.getName())
    .sort();
}
