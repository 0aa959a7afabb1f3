// A module resolve hook for tests: reports every module of this workspace a process loads.
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (result.url.includes("/packages/")) process.stderr.write(`loaded ${result.url}\n`);
  return result;
}
