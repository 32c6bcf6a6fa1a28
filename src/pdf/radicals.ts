// CJK Radicals Supplement (U+2E80–2EFF) and Kangxi radicals that NFKC leaves unchanged, mapped to their
// unified ideographs per Unicode's EquivalentUnifiedIdeograph.txt (generated with Perl's Unicode::UCD).
const PAIRS =
  '\u2E81厂\u2E82乛\u2E83乚\u2E84乙\u2E85亻\u2E86冂\u2E87𠘨\u2E88刀\u2E89刂\u2E8A卜\u2E8B㔾\u2E8C小\u2E8D小\u2E8E兀\u2E8F尣\u2E90尢\u2E91𡯂\u2E92巳\u2E93幺\u2E94彑\u2E95彐\u2E96忄\u2E97心\u2E98扌\u2E99攵\u2E9B旡\u2E9C日\u2E9D月\u2E9E歺\u2EA0民\u2EA1氵\u2EA2氺\u2EA3灬\u2EA4爫\u2EA5爫\u2EA6丬\u2EA7牛\u2EA8犭\u2EA9王\u2EAA𤴔\u2EAB目\u2EAC示\u2EAD礻\u2EAE𥫗\u2EAF糹\u2EB0纟\u2EB1罓\u2EB2罒\u2EB3㓁\u2EB4冗\u2EB5𦉫\u2EB6羊\u2EB7𦍌\u2EB8𦍋\u2EB9耂\u2EBA肀\u2EBB聿\u2EBC肉\u2EBD𦥑\u2EBE艹\u2EBF艹\u2EC0艹\u2EC1虎\u2EC2衤\u2EC3覀\u2EC4西\u2EC5见\u2EC6角\u2EC7𧢲\u2EC8讠\u2EC9贝\u2ECA𧾷\u2ECB车\u2ECC辶\u2ECD辶\u2ECE辶\u2ECF邑\u2ED0钅\u2ED1長\u2ED2镸\u2ED3长\u2ED4门\u2ED5𨸏\u2ED6阝\u2ED7雨\u2ED8青\u2ED9韦\u2EDA页\u2EDB风\u2EDC飞\u2EDD食\u2EDE𩙿\u2EDF飠\u2EE0饣\u2EE1𩠐\u2EE2马\u2EE3骨\u2EE4鬼\u2EE5鱼\u2EE6鸟\u2EE7卤\u2EE8麦\u2EE9黄\u2EEA黾\u2EEB斉\u2EEC齐\u2EED歯\u2EEE齿\u2EEF竜\u2EF0龙\u2EF1龜\u2EF2亀';

export const RADICAL_TO_IDEOGRAPH: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
})();
