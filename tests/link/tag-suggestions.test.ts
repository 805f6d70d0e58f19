import { beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, type Pipeline } from '../../src/pipeline/pipeline.js';
import { loadEngines } from '../../src/pipeline/recognise/engines/registry.js';
import { extractArticle } from '../../src/service/extract.js';
import { suggestTags } from '../../src/server/routes/tags.js';
import { NAME_TYPES } from '../../src/pipeline/entity-types.js';

let pipeline: Pipeline;
beforeAll(async () => {
  const { engines } = await loadEngines({ ENGINE: 'model' });
  pipeline = createPipeline({ engines });
}, 120_000);

const ARTICLE = [
  '比亚迪与岳阳市政府签约 新建动力电池基地',
  '湘北晨报全媒体记者 周文彬 通讯员 邓雅琪',
  '3月12日，比亚迪股份有限公司与岳阳市人民政府签署合作协议，比亚迪将在岳阳经开区投资建设动力电池基地。',
  '岳阳市委书记曹立新表示，岳阳将全力做好服务保障。比亚迪董事长王传福说，基地建成后将销往欧、美、日等地。',
  '据了解，比亚迪今年已在湖南布局三个项目。',
  '（记者 孙立群 摄）',
].join('\n');

const suggest = async (text: string, minSalience: number) => {
  const result = await extractArticle(pipeline, { text }, { engine: 'model' });
  return suggestTags(result, { limit: 20, types: new Set<string>(NAME_TYPES), minSalience }).map((t) => t.name);
};

describe('tag suggestions', () => {
  it('put the article’s company, city and people first, and leave out credits, single characters and generic words', async () => {
    const tags = await suggest(ARTICLE, 0.001);
    expect(tags[0]).toBe('比亚迪股份有限公司');
    expect(tags.slice(0, 8)).toContain('岳阳');
    expect(tags).toEqual(expect.arrayContaining(['曹立新', '王传福']));
    // credits (and the outlet in the byline), single characters, generic words
    for (const never of ['周文彬', '周文', '邓雅琪', '孙立群', '湘北晨报', '欧', '美', '日', '公司', '市政府']) expect(tags).not.toContain(never);
  }, 60_000);
  it('credits and single characters are still there with min_salience 0 (mentions are unchanged)', async () => {
    const tags = await suggest(ARTICLE, 0);
    expect(tags).toEqual(expect.arrayContaining(['邓雅琪', '湘北晨报', '欧']));
  }, 60_000);
});
