#!/bin/sh
# Regenerates the import fixtures (packages/server/test-fixtures/imports/) as an office makes them: the .fods
# (hand-written flat ODS: typed cells, title rows, synonyms) converted by LibreOffice to .xlsx, one to the old .xls
# and one to .ods (for the refusals), and the CSVs as Excel saves them: UTF-8 with a BOM, and GBK (GB18030).
set -eu
dir="$(cd "$(dirname "$0")/../packages/server/test-fixtures/imports" && pwd)"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
lo() { soffice -env:UserInstallation="file://$profile" --headless --convert-to "$1" --outdir "$dir" "$2" >/dev/null; }

for f in "$dir"/*.fods; do lo xlsx "$f"; done
lo xls "$dir/roster-office.fods"
lo ods "$dir/roster-office.fods" # LibreOffice's own format, refused with what to do

# The month's pay as a CSV (the workers of roster-office): money with separators and units, dates in three forms.
printf '\357\273\277' >"$dir/payroll-utf8-bom.csv"
cat >>"$dir/payroll-utf8-bom.csv" <<'CSV'
姓名,身份证号,实发工资（元）,发放日期,养老保险,医疗保险,失业保险,工伤保险,生育保险,住房公积金
王丽,410928199001011231,"4,200.00",2026/11/10,是,是,是,是,是,否
赵强,410928198805152465,￥3600,2026年11月10日,√,√,√,√,√,×
孙梅,410928199307203113,3600.5元,20261110,Y,Y,Y,Y,Y,N
CSV
tail -c +4 "$dir/payroll-utf8-bom.csv" | iconv -f UTF-8 -t GB18030 >"$dir/payroll-gbk.csv"

# A roster saved by Excel as CSV after an ID was typed into a number cell: only 15 digits survive, as 4.1E+17.
cat >"$dir/roster-number-id.csv" <<'CSV'
姓名,身份证号,联系电话,学历,专业,社会工作专业毕业,证书等级,证书编号,本地户籍,聘用日期,岗位,派驻社工站
钱进,4.10928198503034E+17,13812340001,本科,社会工作,是,,,是,2026-03-01,驻站社工,
CSV
