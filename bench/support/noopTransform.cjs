// What a naive codemod costs: jscodeshift parses every file, then changes nothing.
module.exports = function noop(file, api) {
  api.jscodeshift(file.source);
  return file.source;
};
module.exports.parser = 'tsx';
