import { serialDuplicate } from '../../../core/out/workspace/workspaceRules';
import { workspaceRuleTests } from '../support/workspaceRuleTester';
import { sheet } from '../support/sheet';

const other = (serial: string) => sheet({ fields: { 整理番号: serial, 指定年月日: '令和8年5月1日', 満了日: '令和10年4月30日' } });

workspaceRuleTests(serialDuplicate, [
  { name: 'different serial numbers', files: { 'a.shitei': sheet(), 'b.shitei': other('防衛-2026-0013') }, expect: {} },
  { name: 'one sheet alone', files: { 'a.shitei': sheet() }, expect: {} },
  {
    name: 'two sheets with one serial number: reported on each, naming the other',
    files: { 'a.shitei': sheet(), 'b.shitei': other('防衛-2026-0012') },
    expect: { 'a.shitei': [2], 'b.shitei': [2] },
    messages: { 'a.shitei': { ja: ['b.shitei', '防衛-2026-0012'], en: ['b.shitei'] }, 'b.shitei': { ja: ['a.shitei'], en: ['a.shitei'] } },
  },
  {
    name: 'full-width digits and blanks do not make a serial number different',
    files: { 'a.shitei': sheet(), 'b.shitei': other('防衛－２０２６－００１２ ') },
    expect: { 'a.shitei': [2], 'b.shitei': [2] },
  },
  {
    name: 'three sheets: each names both others',
    files: { 'a.shitei': sheet(), 'b.shitei': other('防衛-2026-0012'), 'c.shitei': other('防衛-2026-0012') },
    expect: { 'a.shitei': [2], 'b.shitei': [2], 'c.shitei': [2] },
    messages: { 'a.shitei': { en: ['b.shitei', 'c.shitei'] } },
  },
  {
    name: 'a disable directive silences the one sheet it is in',
    files: { 'a.shitei': '# shitei-disable-file serial-duplicate\n' + sheet(), 'b.shitei': other('防衛-2026-0012') },
    expect: { 'b.shitei': [2] },
  },
  { name: 'turned off in the config', files: { 'a.shitei': sheet(), 'b.shitei': other('防衛-2026-0012') }, config: { today: '2026-11-23', rules: { 'serial-duplicate': 'off' } }, expect: {} },
]);
