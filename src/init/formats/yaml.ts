import { assessmentTemplate } from "../../core/template.js";
import type { Renderer } from "../../render/renderer.js";
import type { InitData } from "../run.js";

/** `init` (the default): the commented assessment template to fill in an editor (core/template.ts). */
export const renderTemplateYaml: Renderer<InitData> = (data: InitData): string =>
  assessmentTemplate(data.rubric, {
    lang: data.lang,
    agencyId: data.agencyId,
    ...(data.agencyName !== undefined ? { agencyName: data.agencyName } : {}),
    date: data.date,
    rubricRef: data.rubricRef,
  });
