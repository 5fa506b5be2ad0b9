// json-server's database: the customers of the JSON-lines file named by BENCH_JSONL, read line by line so that
// a million of them (more than V8's longest string as one JSON document) still load.
const fs = require('fs');

module.exports = () => {
  const buffer = fs.readFileSync(process.env.BENCH_JSONL);
  const customers = [];
  for (let start = 0, end; (end = buffer.indexOf(10, start)) >= 0; start = end + 1) {
    customers.push(JSON.parse(buffer.toString('utf8', start, end)));
  }
  return { customers };
};
