import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { saveRuleMessages, saveRulesScript } from '@/lib/cms/save-rules';

/** A stand-in for the few methods of Decap's immutable Map the script uses. */
class Data {
  constructor(readonly values: Record<string, unknown>) {}
  get(key: string): unknown {
    return this.values[key];
  }
  filter(keep: (value: unknown) => boolean): Data {
    return new Data(Object.fromEntries(Object.entries(this.values).filter(([, value]) => keep(value))));
  }
}

/** Runs the generated script against a fake CMS and returns its preSave handler. */
function handler(): (values: Record<string, unknown>) => Record<string, unknown> {
  let registered: ((event: { entry: { get(key: 'data'): Data } }) => Data) | undefined;
  runInNewContext(saveRulesScript(), {
    CMS: { registerEventListener: ({ handler }: { handler: typeof registered }) => (registered = handler) },
  });
  if (!registered) throw new Error('no preSave handler registered');
  const run = registered;
  return (values) => run({ entry: { get: () => new Data(values) } }).values;
}

describe('the save rules', () => {
  test('use the schema messages, Chinese first', () => {
    expect(saveRuleMessages()).toEqual({
      needsCover: '图片新闻必须有封面图 / a 图片新闻 needs a cover',
      needsCoverAlt: '有封面图时必须写封面说明 / a cover needs coverAlt, a description of the picture',
    });
  });

  test('refuse a 图片新闻 without a cover, and a cover without its description', () => {
    const save = handler();
    expect(() => save({ title: 'a', type: '图片新闻' })).toThrow('图片新闻必须有封面图');
    expect(() => save({ title: 'a', type: '文字新闻', cover: '/images/a.png' })).toThrow('有封面图时必须写封面说明');
    expect(save({ title: 'a', type: '图片新闻', cover: '/images/a.png', coverAlt: '现场' })).toEqual({
      title: 'a',
      type: '图片新闻',
      cover: '/images/a.png',
      coverAlt: '现场',
    });
  });

  test('leave out emptied optional fields, which the check would refuse', () => {
    expect(handler()({ title: 'a', type: '文字新闻', summary: '', updated: '', draft: false, tags: [] })).toEqual({
      title: 'a',
      type: '文字新闻',
      draft: false,
      tags: [],
    });
  });
});
