// The custom views of a module for pickers: Sweep's /api/views (with record counts) when the
// server has it, else Zoho's settings endpoint.
import { get } from "./api.js";
import { customViews } from "./fields.js";

export async function viewsOf(module) {
  try {
    const body = await get("/api/views", { module });
    return body.views;
  } catch (e) {
    if (e.httpStatus === 401 || e.httpStatus === 403) throw e;
    return (await customViews(module)).map((v) => ({ ...v, record_count: null }));
  }
}
