<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionDialog</name>
    <message>
        <source>{action} — {number}</source>
        <translation>{action} — {number}</translation>
    </message>
    <message>
        <source>기업이 이 기관에 정보 제공(제3자 제공)을 동의함</source>
        <translation>The firm consents to sharing its data with this agency</translation>
    </message>
    <message>
        <source>일</source>
        <translation> days</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>회신 내용</source>
        <translation>Reply text</translation>
    </message>
    <message>
        <source>현장 답변</source>
        <translation>Answer given on site</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>처리 결과</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>연장 기간</source>
        <translation>Extension</translation>
    </message>
    <message>
        <source>사유</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>AgeingTableModel</name>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>처리중</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>0–7일</source>
        <translation>0–7 days</translation>
    </message>
    <message>
        <source>8–14일</source>
        <translation>8–14 days</translation>
    </message>
    <message>
        <source>15–30일</source>
        <translation>15–30 days</translation>
    </message>
    <message>
        <source>31일 이상</source>
        <translation>31+ days</translation>
    </message>
    <message>
        <source>기한 경과</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>(미배정)</source>
        <translation>(not routed)</translation>
    </message>
</context>
<context>
    <name>AgencyQueuePage</name>
    <message>
        <source>기관 업무함</source>
        <translation>Agency queue</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>처음 시작: 데모 데이터(기업 {firms}개, 사례 {cases}건)를 넣었습니다. 데이터 위치: {path}</source>
        <translation>First start: added demo data ({firms} firms, {cases} cases). Data is kept in {path}</translation>
    </message>
    <message>
        <source>데이터 위치: {path}</source>
        <translation>Data is kept in {path}</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>자료가 없습니다</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>만족도 조사 — {number}</source>
        <translation>Satisfaction call — {number}</translation>
    </message>
    <message>
        <source>5 매우 만족</source>
        <translation>5 Very satisfied</translation>
    </message>
    <message>
        <source>4 만족</source>
        <translation>4 Satisfied</translation>
    </message>
    <message>
        <source>3 보통</source>
        <translation>3 Neutral</translation>
    </message>
    <message>
        <source>2 불만족</source>
        <translation>2 Dissatisfied</translation>
    </message>
    <message>
        <source>1 매우 불만족</source>
        <translation>1 Very dissatisfied</translation>
    </message>
    <message>
        <source>연락 안 됨</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>조치 필요로 표시</source>
        <translation>Flag for action</translation>
    </message>
    <message>
        <source>사례 재개</source>
        <translation>Reopen the case</translation>
    </message>
    <message>
        <source>응답</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{n}점 이하일 때</source>
        <translation>At {n} points or less</translation>
    </message>
    <message>
        <source>응답을 고르세요.</source>
        <translation>Choose an answer.</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>{due}  ({state}, 처리기간 {period})</source>
        <translation>{due}  ({state}, period {period})</translation>
    </message>
    <message>
        <source>사례 {number}</source>
        <translation>Case {number}</translation>
    </message>
    <message>
        <source>수정 저장 (Ctrl+S)</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
    <message>
        <source>되돌리기</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>민원 유형</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>담당자</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>접수</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>처리 결과</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>처리기한</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>정지·연장</source>
        <translation>Pauses and extension</translation>
    </message>
    <message>
        <source>제3자 제공 동의</source>
        <translation>Consent to share</translation>
    </message>
    <message>
        <source>처리 단계</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>메모를 쓰고 Enter</source>
        <translation>Type a note and press Enter</translation>
    </message>
    <message>
        <source>메모 추가</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>처리 이력</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>지원사업</source>
        <translation>Programs</translation>
    </message>
    <message>
        <source>사후관리</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>(미배정)</source>
        <translation>(not routed)</translation>
    </message>
    <message>
        <source>{agency} — {at}, {by}</source>
        <translation>{agency} — {at}, {by}</translation>
    </message>
    <message>
        <source>없음</source>
        <translation>None</translation>
    </message>
    <message>
        <source>종결됨</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>기한 경과</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>기한 임박</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>정지 중 (보완 요구)</source>
        <translation>Paused (supplement requested)</translation>
    </message>
    <message>
        <source>기한 내</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>진행 중</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <source>정지 {start} ~ {end} ({reason})</source>
        <translation>Paused {start} – {end} ({reason})</translation>
    </message>
    <message>
        <source>연장 {period} ({at}, 사유: {reason})</source>
        <translation>Extended by {period} ({at}, reason: {reason})</translation>
    </message>
    <message>
        <source>저장하지 않은 수정 내용이 있습니다 ({at}). 복원할까요?</source>
        <translation>There are unsaved changes ({at}). Restore them?</translation>
    </message>
    <message>
        <source>복원</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>버리기</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <source>번호·내용·기업명 검색</source>
        <translation>Search number, text, firm</translation>
    </message>
    <message>
        <source>사례 검색</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <source>모든 상태</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>처리 중인 사례</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>모든 분야</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>모든 기관</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>모든 현장지원단</source>
        <translation>All sessions</translation>
    </message>
    <message>
        <source>기한 경과만</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>기업명 가리기</source>
        <translation>Mask firm names</translation>
    </message>
</context>
<context>
    <name>CaseQueue</name>
    <message>
        <source>담당자 지정…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <source>독촉 메모 보내기…</source>
        <translation>Send reminder…</translation>
    </message>
    <message>
        <source>모두 선택</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>{n}건 이상 (세는 중…)</source>
        <translation>{n}+ cases (counting…)</translation>
    </message>
    <message>
        <source>{n}건</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <source>먼저 사례를 고르세요.</source>
        <translation>Select cases first.</translation>
    </message>
    <message>
        <source>담당자 지정 — {n}건</source>
        <translation>Assign — {n} cases</translation>
    </message>
    <message>
        <source>담당자</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>독촉 메모 — {n}건</source>
        <translation>Reminder — {n} cases</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>[독촉] 처리기한이 지났거나 임박했습니다. 처리 상황을 회신해 주시기 바랍니다.</source>
        <translation>[Reminder] The deadline has passed or is near. Please reply with the status of this case.</translation>
    </message>
    <message>
        <source>처리 중…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{done}건 처리했습니다.</source>
        <translation>Done: {done} cases.</translation>
    </message>
    <message>
        <source>{n}건은 처리하지 못했습니다: {first}</source>
        <translation>{n} cases could not be processed: {first}</translation>
    </message>
    <message>
        <source>중단되었습니다: {error}</source>
        <translation>Stopped: {error}</translation>
    </message>
</context>
<context>
    <name>CaseSyncMarks</name>
    <message>
        <source>아직 보내지 않은 변경이 있습니다 (다음 동기화 때 전달)</source>
        <translation>Has changes not sent yet (they go with the next sync)</translation>
    </message>
    <message>
        <source>충돌: 동기화·충돌 화면에서 남길 값을 고르세요</source>
        <translation>Conflict: choose the value to keep on the Sync and conflicts page</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>기한 경과</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>기한 임박</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>기한 내</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>번호</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>접수일시</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>기업</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>처리기한</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>경과일</source>
        <translation>Days open</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>{n}건</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <source>{n}건 이상 (세는 중…)</source>
        <translation>{n}+ cases (counting…)</translation>
    </message>
</context>
<context>
    <name>ClusterDetail</name>
    <message>
        <source>위기 지표 추이 (%, 높을수록 나쁨)</source>
        <translation>Crisis indicators (%, higher is worse)</translation>
    </message>
    <message>
        <source>반기</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <source>단계</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>매출</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>휴·폐업</source>
        <translation>Closures</translation>
    </message>
    <message>
        <source>고용</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>판정 근거</source>
        <translation>Rated because</translation>
    </message>
    <message>
        <source>기업</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>업종</source>
        <translation>KSIC</translation>
    </message>
    <message>
        <source>연결</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>미결 사례</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>단계 이력</source>
        <translation>Level history</translation>
    </message>
    <message>
        <source>소속 기업 (더블클릭: 기업 카드)</source>
        <translation>Firms of the cluster (double-click: firm card)</translation>
    </message>
    <message>
        <source>소속 기업 {n}곳 (직접 연결 {manual}곳) — 더블클릭: 기업 카드</source>
        <translation>Firms: {n} ({manual} linked by hand) — double-click: firm card</translation>
    </message>
    <message>
        <source>{period}: {level}</source>
        <translation>{period}: {level}</translation>
    </message>
    <message>
        <source>평가 없음</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>추천 지원 유형 없음 (양호)</source>
        <translation>No support track suggested (good)</translation>
    </message>
    <message>
        <source>&lt;b&gt;추천 지원: {track}&lt;/b&gt; ({services})</source>
        <translation>&lt;b&gt;Suggested support: {track}&lt;/b&gt; ({services})</translation>
    </message>
    <message>
        <source>매출 감소폭</source>
        <translation>Sales decline</translation>
    </message>
    <message>
        <source>휴·폐업 증가율</source>
        <translation>Closures growth</translation>
    </message>
    <message>
        <source>직접 연결</source>
        <translation>Linked by hand</translation>
    </message>
    <message>
        <source>자동</source>
        <translation>Automatic</translation>
    </message>
</context>
<context>
    <name>ClusterTableModel</name>
    <message>
        <source>밀집지역</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>지역</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>업종(KSIC)</source>
        <translation>Industry (KSIC)</translation>
    </message>
    <message>
        <source>단계</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>추세</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>매출 증감률</source>
        <translation>Sales change</translation>
    </message>
    <message>
        <source>휴·폐업 증가율</source>
        <translation>Closures growth</translation>
    </message>
    <message>
        <source>고용 증감률</source>
        <translation>Employment change</translation>
    </message>
    <message>
        <source>▲ 악화</source>
        <translation>▲ worse</translation>
    </message>
    <message>
        <source>▼ 개선</source>
        <translation>▼ better</translation>
    </message>
</context>
<context>
    <name>ClustersPage</name>
    <message>
        <source>모든 단계</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>지표 가져오기…</source>
        <translation>Import indicators…</translation>
    </message>
    <message>
        <source>판정 기준…</source>
        <translation>Thresholds…</translation>
    </message>
    <message>
        <source>빈 양식 저장…</source>
        <translation>Save empty template…</translation>
    </message>
    <message>
        <source>반기</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <source>밀집지역 위기 단계</source>
        <translation>Cluster crisis levels</translation>
    </message>
    <message>
        <source>지원사업 목록</source>
        <translation>Support programs</translation>
    </message>
    <message>
        <source>밀집지역·지원사업</source>
        <translation>Clusters and programs</translation>
    </message>
    <message>
        <source>지표 없음</source>
        <translation>No indicators</translation>
    </message>
    <message>
        <source>심각 {severe} · 주의 {caution} · 양호 {good} · 미평가 {unrated}</source>
        <translation>Severe {severe} · Caution {caution} · Good {good} · Not rated {unrated}</translation>
    </message>
    <message>
        <source>반기 지표 가져오기</source>
        <translation>Import half-year indicators</translation>
    </message>
    <message>
        <source>지표 {added}행 추가, {replaced}행 교체 ({periods})</source>
        <translation>Indicators: {added} rows added, {replaced} replaced ({periods})</translation>
    </message>
    <message>
        <source>가져오지 못했습니다</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>아래 {n}개 문제를 고친 뒤 다시 가져오세요. 아무것도 저장하지 않았습니다.</source>
        <translation>Fix the {n} problems below and import again. Nothing was stored.</translation>
    </message>
    <message>
        <source>밀집지역</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <source>새 기준으로 {period}을(를) 다시 판정했습니다. 지난 반기의 단계는 그대로입니다.</source>
        <translation>{period} was rated again with the new thresholds. Earlier half-years keep their levels.</translation>
    </message>
    <message>
        <source>빈 양식 저장</source>
        <translation>Save empty template</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>대상</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>항목</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>값 1</source>
        <translation>Value 1</translation>
    </message>
    <message>
        <source>누가·언제 1</source>
        <translation>Who, when 1</translation>
    </message>
    <message>
        <source>값 2</source>
        <translation>Value 2</translation>
    </message>
    <message>
        <source>누가·언제 2</source>
        <translation>Who, when 2</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>민원 유형</source>
        <translation>Request type</translation>
    </message>
    <message>
        <source>담당자</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>담당 기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>결과</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>결과 사유</source>
        <translation>Result reason</translation>
    </message>
    <message>
        <source>만족도</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>현장지원단 회차</source>
        <translation>Clinic session</translation>
    </message>
    <message>
        <source>기업</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>사업자등록번호</source>
        <translation>BRN</translation>
    </message>
    <message>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>기업 규모</source>
        <translation>Firm size</translation>
    </message>
    <message>
        <source>업종</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>법인등록번호</source>
        <translation>Corporate reg. no.</translation>
    </message>
    <message>
        <source>대표자</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>이메일</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>장소</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>날짜</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>삭제 여부</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>기업명</source>
        <translation>Firm name</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>삭제됨</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>있음</source>
        <translation>Present</translation>
    </message>
    <message>
        <source> (외 {n}개)</source>
        <translation> (+{n} more)</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>충돌이 없습니다. 모든 노트북의 변경이 자동으로 합쳐졌습니다.</source>
        <translation>No conflicts. Every laptop&apos;s changes were merged automatically.</translation>
    </message>
    <message>
        <source>선택한 충돌의 값</source>
        <translation>Values of the selected conflict</translation>
    </message>
    <message>
        <source>직접 수정…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>두 값을 합친 새 값을 입력해 충돌을 해결합니다</source>
        <translation>Resolve the conflict with a new value, e.g. both texts merged</translation>
    </message>
    <message>
        <source>{record} — {field}</source>
        <translation>{record} — {field}</translation>
    </message>
    <message>
        <source>두 노트북이 서로의 변경을 보기 전에 같은 항목을 바꿨습니다. 남길 값을 고르면 다음 동기화 때 모든 노트북에서 해결됩니다. 녹색 값이 지금 표시되는 값입니다.</source>
        <translation>Two laptops changed the same field before seeing each other&apos;s change. Choose the value to keep; every laptop gets the resolution at its next sync. The green value is the one shown meanwhile.</translation>
    </message>
    <message>
        <source>이 항목은 값 중 하나를 골라 해결합니다. 녹색 값이 지금 표시되는 값입니다.</source>
        <translation>Resolve this field by keeping one of its values. The green value is the one shown meanwhile.</translation>
    </message>
    <message>
        <source> (지금 표시됨)</source>
        <translation> (shown now)</translation>
    </message>
    <message>
        <source>이 값 유지</source>
        <translation>Keep this value</translation>
    </message>
    <message>
        <source>충돌 해결: 새 값</source>
        <translation>Resolve conflict: new value</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>지금 열린 현장지원단이 없습니다. '오늘의 현장'에서 현장지원단을 여세요.</source>
        <translation>No clinic session is open. Open one on Today's clinic.</translation>
    </message>
    <message>
        <source>전체 기간</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>올해</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>최근 12개월</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <source>최근 90일</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>지금 열린 현장지원단</source>
        <translation>Current clinic session</translation>
    </message>
    <message>
        <source>새로 고침</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>PDF 보고서…</source>
        <translation>PDF report…</translation>
    </message>
    <message>
        <source>엑셀로 저장…</source>
        <translation>Save as Excel…</translation>
    </message>
    <message>
        <source>현황판</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>현황</source>
        <translation>Figures</translation>
    </message>
    <message>
        <source>사후관리 대장</source>
        <translation>Follow-up register</translation>
    </message>
    <message>
        <source>계산 중…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>{at} 기준 · 사례 {n}건</source>
        <translation>As of {at} · {n} cases</translation>
    </message>
    <message>
        <source>계산하지 못했습니다: {error}</source>
        <translation>Could not compute: {error}</translation>
    </message>
    <message>
        <source>현황 보고서 저장</source>
        <translation>Save the period report</translation>
    </message>
    <message>
        <source>현황 엑셀 저장</source>
        <translation>Save the figures as Excel</translation>
    </message>
    <message>
        <source>저장했습니다: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>모든 기관</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>모든 분야</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>아무것도 고르지 않으면 모든 상태</source>
        <translation>None ticked means every status</translation>
    </message>
    <message>
        <source>기관별 시트 추가</source>
        <translation>Add one sheet per agency</translation>
    </message>
    <message>
        <source>개인정보 마스킹 해제 (사유 필요, 기록됨)</source>
        <translation>Unmask personal data (needs a reason, audited)</translation>
    </message>
    <message>
        <source>해제 사유 (예: 연말 실적 보고 원자료)</source>
        <translation>Reason for unmasking (e.g. source data for the year-end report)</translation>
    </message>
    <message>
        <source>엑셀로 내보내기…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>내보낼 사례</source>
        <translation>Cases to export</translation>
    </message>
    <message>
        <source>접수 기간</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>현장지원단</source>
        <translation>Clinic session</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>통합 문서</source>
        <translation>Workbook</translation>
    </message>
    <message>
        <source>모든 현장지원단</source>
        <translation>All clinic sessions</translation>
    </message>
    <message>
        <source>애로사항_{day}.xlsx</source>
        <translation>cases_{day}.xlsx</translation>
    </message>
    <message>
        <source>엑셀로 내보내기</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 통합 문서 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>내보내는 중: {path}</source>
        <translation>Exporting: {path}</translation>
    </message>
    <message>
        <source>{path}: 사례 {rows}건, 시트 {sheets}개 ({seconds}초)</source>
        <translation>{path}: {rows} cases, {sheets} sheets ({seconds} s)</translation>
    </message>
    <message>
        <source>내보내기를 취소했습니다. 파일은 만들지 않았습니다.</source>
        <translation>Export cancelled. No file was written.</translation>
    </message>
</context>
<context>
    <name>FiguresView</name>
    <message>
        <source>분야별 애로사항</source>
        <translation>Cases by field</translation>
    </message>
    <message>
        <source>기관별 처리 중·기한 초과 (상위 {n})</source>
        <translation>Open and overdue by agency (top {n})</translation>
    </message>
    <message>
        <source>월별 접수</source>
        <translation>Cases by month</translation>
    </message>
    <message>
        <source>상태별</source>
        <translation>Cases by status</translation>
    </message>
    <message>
        <source>기관별 회신 소요일 중앙값 (일)</source>
        <translation>Median days to reply by agency</translation>
    </message>
    <message>
        <source>기한 초과 경과일</source>
        <translation>Overdue by</translation>
    </message>
    <message>
        <source>만족도 응답 (5점 척도)</source>
        <translation>Satisfaction answers (5-point scale)</translation>
    </message>
    <message>
        <source>밀집지역 위기 단계</source>
        <translation>Cluster crisis levels</translation>
    </message>
    <message>
        <source>분야별 반복 애로 키워드 — 제도개선 건의 후보</source>
        <translation>Recurring keywords by field — candidates for policy proposals</translation>
    </message>
    <message>
        <source>애로사항</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>{n}건</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>참여 기업</source>
        <translation>Firms</translation>
    </message>
    <message>
        <source>{n}개</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>현장해결률</source>
        <translation>Resolved on site</translation>
    </message>
    <message>
        <source>처리 중</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>기한 초과</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>만족도 (100점)</source>
        <translation>Satisfaction (of 100)</translation>
    </message>
    <message>
        <source>전체</source>
        <translation>All</translation>
    </message>
    <message>
        <source>현장해결</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>{agency}: 중앙값 {days}일, 회신 {n}건</source>
        <translation>{agency}: median {days} days, {n} replies</translation>
    </message>
    <message>
        <source>{n}점</source>
        <translation>{n} pt</translation>
    </message>
    <message>
        <source>평가된 밀집지역이 없습니다 (밀집지역 화면에서 지표를 가져오세요)</source>
        <translation>No cluster is rated yet (import indicators on the Clusters page)</translation>
    </message>
    <message>
        <source>밀집지역 위기 단계 ({period})</source>
        <translation>Cluster crisis levels ({period})</translation>
    </message>
    <message>
        <source>분야마다 최근 애로사항 내용(모두 {n}건)에서 2건 이상 되풀이된 낱말입니다. 해결불가·제도개선 건의로 끝난 사례가 많은 키워드는 제도개선 건의 후보입니다.</source>
        <translation>Words that recur in at least two recent difficulty texts of a field ({n} texts read). Keywords whose cases often ended unresolvable or as policy proposals are candidates for a policy proposal.</translation>
    </message>
</context>
<context>
    <name>FirmCard</name>
    <message>
        <source>기업을 고르세요</source>
        <translation>Choose a firm</translation>
    </message>
    <message>
        <source>열람 사유 (예: 회신 결과 안내 전화)</source>
        <translation>Reason to view (e.g. phoning the reply)</translation>
    </message>
    <message>
        <source>연락처 보기</source>
        <translation>Show contacts</translation>
    </message>
    <message>
        <source>다시 가리기</source>
        <translation>Mask again</translation>
    </message>
    <message>
        <source>연락처 (개인정보 — 기본 가림)</source>
        <translation>Contacts (personal data — masked by default)</translation>
    </message>
    <message>
        <source>대표자</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>이메일</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>주소</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>이 기업의 사례</source>
        <translation>This firm&apos;s cases</translation>
    </message>
    <message>
        <source>선택한 중복 기업을 이 기업으로 병합</source>
        <translation>Merge the selected duplicate into this firm</translation>
    </message>
    <message>
        <source>중복 후보 (같은 사업자등록번호)</source>
        <translation>Possible duplicates (same BRN)</translation>
    </message>
    <message>
        <source>사업자등록번호 {brn}</source>
        <translation>BRN {brn}</translation>
    </message>
    <message>
        <source>법인등록번호 {no}</source>
        <translation>Corporate no. {no}</translation>
    </message>
    <message>
        <source>등록 {day}</source>
        <translation>registered {day}</translation>
    </message>
    <message>
        <source>이 기업의 사례 ({n}건, 모든 현장지원단)</source>
        <translation>This firm&apos;s cases ({n}, all sessions)</translation>
    </message>
    <message>
        <source>열람 사유를 입력하세요.</source>
        <translation>Enter the reason for viewing.</translation>
    </message>
    <message>
        <source>사례 {n}건</source>
        <translation>{n} cases</translation>
    </message>
    <message>
        <source>기업 병합</source>
        <translation>Merge firms</translation>
    </message>
    <message>
        <source>&apos;{other}&apos;의 사례와 동의 기록을 &apos;{keep}&apos;(으)로 옮기고 &apos;{other}&apos;을(를) 삭제 표시합니다. 병합할까요?</source>
        <translation>Move the cases and consents of &apos;{other}&apos; to &apos;{keep}&apos; and mark &apos;{other}&apos; deleted. Merge?</translation>
    </message>
</context>
<context>
    <name>FirmClusterBox</name>
    <message>
        <source>밀집지역 (업종 × 지역)</source>
        <translation>Cluster (industry × region)</translation>
    </message>
    <message>
        <source>연결할 밀집지역</source>
        <translation>Cluster to link</translation>
    </message>
    <message>
        <source>연결</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>직접 연결 해제</source>
        <translation>Remove manual link</translation>
    </message>
    <message>
        <source>직접 연결을 지우고 지역·업종 자동 매칭으로 돌아갑니다.</source>
        <translation>Removes the manual link and goes back to the automatic match by region and industry.</translation>
    </message>
    <message>
        <source>밀집지역 연결은 총괄만 바꿀 수 있습니다.</source>
        <translation>Only a coordinator can change the cluster link.</translation>
    </message>
    <message>
        <source>위기 단계: {level} (지표 없음)</source>
        <translation>Crisis level: {level} (no indicators)</translation>
    </message>
    <message>
        <source>위기 단계: {level} ({period})</source>
        <translation>Crisis level: {level} ({period})</translation>
    </message>
    <message>
        <source>추천 지원: {track} ({services})</source>
        <translation>Suggested support: {track} ({services})</translation>
    </message>
    <message>
        <source>추천 지원 유형 없음 (양호)</source>
        <translation>No support track suggested (good)</translation>
    </message>
    <message>
        <source>소속 밀집지역 없음 (직접 지정)</source>
        <translation>In no cluster (set by hand)</translation>
    </message>
    <message>
        <source>소속 밀집지역 없음 (지역·업종이 맞는 밀집지역이 없습니다)</source>
        <translation>In no cluster (no cluster matches the region and industry)</translation>
    </message>
    <message>
        <source>직접 연결</source>
        <translation>Linked by hand</translation>
    </message>
    <message>
        <source>지역·업종 자동 매칭</source>
        <translation>matched by region and industry</translation>
    </message>
    <message>
        <source>자동 매칭 (지역·업종)</source>
        <translation>Automatic match (region, industry)</translation>
    </message>
    <message>
        <source>소속 없음</source>
        <translation>No cluster</translation>
    </message>
</context>
<context>
    <name>FirmLookup</name>
    <message>
        <source>사업자등록번호, 기업명 또는 초성 (예: 124-81-00998, 광양, ㄱㅇㅊㄱ)</source>
        <translation>BRN, firm name or initial consonants (e.g. 124-81-00998, 광양, ㄱㅇㅊㄱ)</translation>
    </message>
    <message>
        <source>기업 찾기</source>
        <translation>Find firm</translation>
    </message>
    <message>
        <source>{n}개 기업 — ↓↑로 고르고 Enter로 선택</source>
        <translation>{n} firms — ↓↑ to choose, Enter to pick</translation>
    </message>
    <message>
        <source>등록되지 않은 사업자등록번호입니다. Enter로 새 기업을 등록합니다.</source>
        <translation>Unknown BRN. Press Enter to register a new firm.</translation>
    </message>
    <message>
        <source>사업자등록번호 {n}/10자리</source>
        <translation>BRN {n}/10 digits</translation>
    </message>
    <message>
        <source>찾은 기업이 없습니다. Enter로 새 기업을 등록합니다.</source>
        <translation>No firm found. Press Enter to register a new firm.</translation>
    </message>
</context>
<context>
    <name>FirmTableModel</name>
    <message>
        <source>사업자등록번호</source>
        <translation>BRN</translation>
    </message>
    <message>
        <source>기업명</source>
        <translation>Firm name</translation>
    </message>
    <message>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>규모</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>업종(KSIC)</source>
        <translation>Industry (KSIC)</translation>
    </message>
    <message>
        <source>대표자</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>FirmsPage</name>
    <message>
        <source>사업자등록번호, 기업명 일부 또는 초성 (Ctrl+F)</source>
        <translation>BRN, part of the name or initial consonants (Ctrl+F)</translation>
    </message>
    <message>
        <source>기업 검색</source>
        <translation>Search firms</translation>
    </message>
    <message>
        <source>찾은 기업 {n}개</source>
        <translation>{n} firms found</translation>
    </message>
    <message>
        <source>전체 기업 {n}개</source>
        <translation>{n} firms</translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <source>최근 {n}일 종결</source>
        <translation>Closed in the last {n} days</translation>
    </message>
    <message>
        <source>모든 상태</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>통화 기록…</source>
        <translation>Record call…</translation>
    </message>
    <message>
        <source>예약 변경…</source>
        <translation>Reschedule…</translation>
    </message>
    <message>
        <source>조치 완료</source>
        <translation>Dealt with</translation>
    </message>
    <message>
        <source>사례 열기</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>대장 PDF…</source>
        <translation>Register PDF…</translation>
    </message>
    <message>
        <source>대상 {n}건 · 지연 {late} · 오늘 {due} · 불만족 조치 {flag}</source>
        <translation>{n} cases · late {late} · today {due} · low score {flag}</translation>
    </message>
    <message>
        <source>사후관리</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>사후관리 대장 저장</source>
        <translation>Save the follow-up register</translation>
    </message>
    <message>
        <source>저장했습니다: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>사후관리 대장</source>
        <translation>Follow-up register</translation>
    </message>
</context>
<context>
    <name>FollowupTab</name>
    <message>
        <source>통화 기록…</source>
        <translation>Record call…</translation>
    </message>
    <message>
        <source>예약…</source>
        <translation>Schedule…</translation>
    </message>
    <message>
        <source>불만족 조치 완료</source>
        <translation>Low score dealt with</translation>
    </message>
    <message>
        <source>연락이 늦었습니다</source>
        <translation>The call-back is late</translation>
    </message>
    <message>
        <source>오늘 연락할 차례입니다</source>
        <translation>Call back today</translation>
    </message>
    <message>
        <source>연락 예정</source>
        <translation>Call-back scheduled</translation>
    </message>
    <message>
        <source>낮은 만족도 — 조치가 필요합니다</source>
        <translation>Low satisfaction — action needed</translation>
    </message>
    <message>
        <source>만족도 조사 완료</source>
        <translation>Satisfaction recorded</translation>
    </message>
    <message>
        <source>낮은 만족도로 재개한 사례</source>
        <translation>Reopened after a low score</translation>
    </message>
    <message>
        <source>종결(또는 사후관리 단계) 뒤 {n}일째 되는 근무일에 만족도 조사를 합니다.</source>
        <translation>Satisfaction is asked {n} days after closing (or after reaching follow-up), on a working day.</translation>
    </message>
    <message>
        <source>예정일 {day}</source>
        <translation>due {day}</translation>
    </message>
    <message>
        <source>만족도 {score}점 (100점 만점)</source>
        <translation>satisfaction {score} of 100</translation>
    </message>
</context>
<context>
    <name>FollowupTableModel</name>
    <message>
        <source>접수번호</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>기업명</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>담당 기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>결과</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>종결일</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>연락 예정일</source>
        <translation>Call-back</translation>
    </message>
    <message>
        <source>상태</source>
        <translation>State</translation>
    </message>
    <message>
        <source>시도</source>
        <translation>Tries</translation>
    </message>
    <message>
        <source>만족도</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>지연</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>오늘 연락</source>
        <translation>Call today</translation>
    </message>
    <message>
        <source>예정</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>불만족 조치 필요</source>
        <translation>Low score: act</translation>
    </message>
    <message>
        <source>완료</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>재개됨</source>
        <translation>Reopened</translation>
    </message>
</context>
<context>
    <name>HubPasswordDialog</name>
    <message>
        <source>PostgreSQL 허브 비밀번호</source>
        <translation>PostgreSQL hub password</translation>
    </message>
    <message>
        <source>허브 &lt;b&gt;{hub}&lt;/b&gt;에 로그인할 비밀번호를 넣으세요.</source>
        <translation>Enter the password to log in to the hub &lt;b&gt;{hub}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>이 노트북에 기억</source>
        <translation>Remember on this laptop</translation>
    </message>
    <message>
        <source>동기화가 되면 비밀번호를 OS 키 저장소에 둡니다 (설정 파일에는 두지 않습니다)</source>
        <translation>Once the sync works, the password goes to the OS keyring (never to the settings file)</translation>
    </message>
    <message>
        <source>비밀번호</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>다시 시도</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ImportPanel</name>
    <message>
        <source>이 파일은 가져올 수 없습니다 (문제 {n}건). 아래 문제를 확인하고 파일을 고친 뒤 다시 고르세요.</source>
        <translation>This file cannot be imported ({n} problems). See the problems below, fix the file and choose it again.</translation>
    </message>
    <message>
        <source>파일 선택…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>가져올 .xlsx 파일을 고르세요 (현장지원단 접수 대장 등).</source>
        <translation>Choose the .xlsx file to import (a clinic&apos;s intake log, for example).</translation>
    </message>
    <message>
        <source>시트</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>열</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>머리글</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>읽은 항목</source>
        <translation>Read as</translation>
    </message>
    <message>
        <source>구분</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>행</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>가져오기</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>현장지원단</source>
        <translation>Clinic session</translation>
    </message>
    <message>
        <source>머리글 대응</source>
        <translation>Header mapping</translation>
    </message>
    <message>
        <source>문제와 주의 사항</source>
        <translation>Problems and warnings</translation>
    </message>
    <message>
        <source>현장지원단 없음 (상시 창구)</source>
        <translation>No clinic session (walk-in desk)</translation>
    </message>
    <message>
        <source>엑셀 가져오기</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>Excel 통합 문서 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>파일을 읽고 검사하는 중…</source>
        <translation>Reading and checking the file…</translation>
    </message>
    <message>
        <source>(읽지 않음)</source>
        <translation>(not read)</translation>
    </message>
    <message>
        <source>오류</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>주의</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>자료 {rows}행: 새로 가져올 {new}건, 이미 가져온 {dup}건. 빈 행·합계 행 {skipped}개는 건너뜁니다.</source>
        <translation>{rows} data rows: {new} new, {dup} imported before. {skipped} blank and total rows are skipped.</translation>
    </message>
    <message>
        <source>문제가 있는 행이 {bad}개 있어 가져올 수 없습니다 (문제 {n}건). 파일을 고친 뒤 다시 고르세요. 가져오기는 모든 행을 한꺼번에 하거나 하나도 하지 않습니다.</source>
        <translation>Rows with problems: {bad} ({n} problems in all). Nothing can be imported: fix the file and choose it again. An import stores every row or none.</translation>
    </message>
    <message>
        <source>머리글이 없어 건너뛴 시트: {names}</source>
        <translation>Sheets without a header, skipped: {names}</translation>
    </message>
    <message>
        <source>{n}건 가져오기</source>
        <translation>Import {n} rows</translation>
    </message>
    <message>
        <source>가져오는 중…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>{added}건을 가져왔습니다 (새 기업 {firms}개, 이미 있던 {skipped}건은 건너뜀).</source>
        <translation>Imported {added} rows ({firms} new firms; {skipped} rows already there were skipped).</translation>
    </message>
    <message>
        <source>가져오기를 취소했습니다. 아무것도 저장하지 않았습니다.</source>
        <translation>Import cancelled. Nothing was stored.</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>기업 변경</source>
        <translation>Other firm</translation>
    </message>
    <message>
        <source>기업이 말한 애로사항을 그대로 적습니다.</source>
        <translation>Write down the difficulty as the firm describes it.</translation>
    </message>
    <message>
        <source>애로사항 내용</source>
        <translation>Difficulty</translation>
    </message>
    <message>
        <source>분야 선택</source>
        <translation>Choose a field</translation>
    </message>
    <message>
        <source>기관 배정(&amp;R)</source>
        <translation>&amp;Route to an agency</translation>
    </message>
    <message>
        <source>현장해결(&amp;O)</source>
        <translation>Resolved &amp;on site</translation>
    </message>
    <message>
        <source>— 배정하지 않음 —</source>
        <translation>— not routed —</translation>
    </message>
    <message>
        <source>제안과 다른 기관을 고른 이유</source>
        <translation>Why another agency than the suggested one</translation>
    </message>
    <message>
        <source>현장에서 안내한 답변</source>
        <translation>Answer given on site</translation>
    </message>
    <message>
        <source>접수 저장 (Ctrl+Enter)</source>
        <translation>Save case (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>새로 쓰기</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>기업(&amp;K)</source>
        <translation>Fir&amp;m</translation>
    </message>
    <message>
        <source>애로사항(&amp;T)</source>
        <translation>Difficul&amp;ty</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>민원 유형</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>처리</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>변경 사유</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>제3자 제공 동의</source>
        <translation>Consent to share</translation>
    </message>
    <message>
        <source>현장 답변</source>
        <translation>Answer given on site</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>분야 선택</source>
        <translation>Choose a field</translation>
    </message>
    <message>
        <source>선택된 기업 없음</source>
        <translation>No firm chosen</translation>
    </message>
    <message>
        <source>제안: {field}</source>
        <translation>Suggested: {field}</translation>
    </message>
    <message>
        <source>다른 후보: {others}</source>
        <translation>also: {others}</translation>
    </message>
    <message>
        <source>제안: {field} — Enter로 수락</source>
        <translation>Suggested: {field} — Enter accepts</translation>
    </message>
    <message>
        <source>처리기한 {due}</source>
        <translation>Due {due}</translation>
    </message>
    <message>
        <source>라우팅 표에 맞는 기관이 없습니다. 직접 고르세요.</source>
        <translation>No routing rule matches. Choose the agency.</translation>
    </message>
    <message>
        <source>기업이 {agency}에 정보 제공을 동의함</source>
        <translation>The firm consents to sharing with {agency}</translation>
    </message>
    <message>
        <source>기업을 먼저 찾거나 등록하세요.</source>
        <translation>Find or register the firm first.</translation>
    </message>
    <message>
        <source>분야를 고르세요 (분야 칸에서 Enter를 누르면 제안을 받아들입니다).</source>
        <translation>Choose the field (Enter in the field box accepts the suggestion).</translation>
    </message>
    <message>
        <source>제안과 다른 기관을 고른 이유를 입력하세요.</source>
        <translation>Enter why you chose another agency than the suggested one.</translation>
    </message>
    <message>
        <source>현장에서 안내한 답변을 입력하세요.</source>
        <translation>Enter the answer given on site.</translation>
    </message>
    <message>
        <source>접수됨: {number} · {status} · 기한 {due}</source>
        <translation>Saved: {number} · {status} · due {due}</translation>
    </message>
    <message>
        <source>저장하지 않은 접수 내용이 있습니다 ({at}). 복원할까요?</source>
        <translation>There is an unsaved intake ({at}). Restore it?</translation>
    </message>
    <message>
        <source>복원</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>버리기</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>취소하는 중…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>KeywordTableModel</name>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>키워드</source>
        <translation>Keyword</translation>
    </message>
    <message>
        <source>사례 수</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>제도개선 건의</source>
        <translation>Policy proposals</translation>
    </message>
    <message>
        <source>해결불가</source>
        <translation>Unresolvable</translation>
    </message>
    <message>
        <source>해결불가·제도개선 건의로 끝난 사례가 있는 반복 애로: 제도개선 건의 후보</source>
        <translation>A recurring difficulty with cases ended unresolvable or as proposals: a policy proposal candidate</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>원스톱 현장지원 데스크</source>
        <translation>OneStop Field Desk</translation>
    </message>
    <message>
        <source>오늘의 현장</source>
        <translation>Today&apos;s clinic</translation>
    </message>
    <message>
        <source>사례 목록</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>기업</source>
        <translation>Firms</translation>
    </message>
    <message>
        <source>기관 업무함</source>
        <translation>Agency queue</translation>
    </message>
    <message>
        <source>기한 경과</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>현황판</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>밀집지역·지원사업</source>
        <translation>Clusters and programs</translation>
    </message>
    <message>
        <source>동기화·충돌</source>
        <translation>Sync and conflicts</translation>
    </message>
    <message>
        <source>보고서</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>파일(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>새 사례 접수(&amp;N)</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <source>기업 찾기(&amp;F)</source>
        <translation>&amp;Find firm</translation>
    </message>
    <message>
        <source>사례 검색(&amp;S)</source>
        <translation>&amp;Search cases</translation>
    </message>
    <message>
        <source>새로 고침(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>끝내기(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>보기(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>도움말(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>정보(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>데이터: {path}</source>
        <translation>Data: {path}</translation>
    </message>
    <message>
        <source>사용자: {name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <source>미동기화 변경: {n}</source>
        <translation>Unsynced changes: {n}</translation>
    </message>
    <message>
        <source>현장지원단 결과표, 처리대장, 기관별 회신 요청서 등의 PDF·엑셀 보고서가 여기에 들어옵니다 (준비 중).</source>
        <translation>PDF and Excel reports (session results, case register, reply requests per agency) will be here (in preparation).</translation>
    </message>
    <message>
        <source>정보</source>
        <translation>About</translation>
    </message>
    <message>
        <source>원스톱 현장지원 데스크 {version}
데이터: {path}</source>
        <translation>OneStop Field Desk {version}
Data: {path}</translation>
    </message>
    <message>
        <source>지금 동기화(&amp;Y)</source>
        <translation>S&amp;ync now</translation>
    </message>
    <message>
        <source>아직 어느 허브에도 보내지 않은 이 노트북의 변경 수</source>
        <translation>Changes on this laptop not yet sent to any hub</translation>
    </message>
    <message>
        <source>⚠ 복구 키를 저장하세요</source>
        <translation>⚠ Save the recovery key</translation>
    </message>
    <message>
        <source>데이터베이스 키는 이 컴퓨터의 키 저장소에만 있습니다. 설정 → 데이터 암호화에서 복구 키 파일을 저장해 노트북과 다른 곳에 보관하세요.</source>
        <translation>The database key is only in this computer's keyring. Save a recovery-key file in Settings → Data encryption and keep it away from the laptop.</translation>
    </message>
</context>
<context>
    <name>MatchTableModel</name>
    <message>
        <source>지원사업</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>운영 기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>판정</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <source>접수</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>맞는 이유</source>
        <translation>Why it fits</translation>
    </message>
    <message>
        <source>연결</source>
        <translation>Attached</translation>
    </message>
    <message>
        <source>지원 가능</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>확인 필요</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>대상 아님</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>접수 중</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>접수 예정</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>마감</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>상시</source>
        <translation>All year</translation>
    </message>
</context>
<context>
    <name>MergeQueuePanel</name>
    <message>
        <source>기업 카드에서 병합…</source>
        <translation>Merge on the firm card…</translation>
    </message>
    <message>
        <source>같은 사업자등록번호로 두 번 이상 등록된 기업 {n}곳. 병합하면 사례가 한 기업으로 옮겨지고 기록은 남습니다.</source>
        <translation>{n} firms registered more than once under the same BRN. Merging moves the cases to one firm and keeps the history.</translation>
    </message>
    <message>
        <source>중복 등록된 기업이 없습니다.</source>
        <translation>No firm is registered twice.</translation>
    </message>
</context>
<context>
    <name>MergeQueueTableModel</name>
    <message>
        <source>사업자등록번호</source>
        <translation>BRN</translation>
    </message>
    <message>
        <source>남길 기업 (먼저 등록)</source>
        <translation>Firm to keep (registered first)</translation>
    </message>
    <message>
        <source>중복 등록</source>
        <translation>Registered again</translation>
    </message>
    <message>
        <source>건수</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>NewFirmForm</name>
    <message>
        <source>— 지역 —</source>
        <translation>— region —</translation>
    </message>
    <message>
        <source>— 규모 —</source>
        <translation>— size —</translation>
    </message>
    <message>
        <source>기업 등록 (Enter)</source>
        <translation>Register firm (Enter)</translation>
    </message>
    <message>
        <source>취소 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>새 기업 — 사업자등록번호</source>
        <translation>New firm — BRN</translation>
    </message>
    <message>
        <source>기업명</source>
        <translation>Firm name</translation>
    </message>
    <message>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>규모</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>대표자</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>전화</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>{n}/10자리</source>
        <translation>{n}/10 digits</translation>
    </message>
    <message>
        <source>검증번호 확인</source>
        <translation>check digit OK</translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <source>현장지원단 열기</source>
        <translation>Open session</translation>
    </message>
</context>
<context>
    <name>OverduePage</name>
    <message>
        <source>모든 기관</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>기한 경과</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>미리보기</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>폭 맞춤</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>쪽 맞춤</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <source>이전 쪽</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>다음 쪽</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>인쇄…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>PDF로 저장…</source>
        <translation>Save as PDF…</translation>
    </message>
</context>
<context>
    <name>PdfReportsPanel</name>
    <message>
        <source>애로사항 처리 현황 (기간별)</source>
        <translation>Case figures for a period</translation>
    </message>
    <message>
        <source>애로사항 처리 현황</source>
        <translation>Case figures</translation>
    </message>
    <message>
        <source>대시보드와 같은 수치: 분야·기관·상태별 건수, 현장해결률, 회신 소요일, 만족도</source>
        <translation>The dashboard's figures: cases by field, agency and status, on-site resolution rate, days to reply, satisfaction</translation>
    </message>
    <message>
        <source>결재란 넣기 (담당·팀장·센터장)</source>
        <translation>Approval block (officer, team lead, director)</translation>
    </message>
    <message>
        <source>개인정보</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>마스킹 해제 (사유 필요, 기록됨)</source>
        <translation>Unmask (needs a reason, audited)</translation>
    </message>
    <message>
        <source>해제 사유 (예: 기관 회신 공문 첨부)</source>
        <translation>Reason for unmasking (e.g. attached to an official letter)</translation>
    </message>
    <message>
        <source>미리보기 만들기 (Ctrl+Enter)</source>
        <translation>Make preview (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>보고서</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>사례 기록지</source>
        <translation>Case record</translation>
    </message>
    <message>
        <source>현장지원 결과 보고</source>
        <translation>Clinic session results</translation>
    </message>
    <message>
        <source>기관별 회신 요청서</source>
        <translation>Reply request to an agency</translation>
    </message>
    <message>
        <source>기업 지원 이력</source>
        <translation>Firm support history</translation>
    </message>
    <message>
        <source>처리대장</source>
        <translation>Case register</translation>
    </message>
    <message>
        <source>사례</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>접수번호 또는 사례 ID (예: 2026-순천-0042)</source>
        <translation>Case number or id (e.g. 2026-SC-0042)</translation>
    </message>
    <message>
        <source>접수번호</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>현장지원단</source>
        <translation>Clinic session</translation>
    </message>
    <message>
        <source>기관별 회신 요청</source>
        <translation>Reply request</translation>
    </message>
    <message>
        <source>회신·종결된 사례도 넣기</source>
        <translation>Include replied and closed cases</translation>
    </message>
    <message>
        <source>기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>접수 기간</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>기업</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>기업을 찾아 Enter로 고르세요.</source>
        <translation>Find the firm and press Enter to choose it.</translation>
    </message>
    <message>
        <source>모든 기관</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>모든 분야</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>선택한 기업: {name}</source>
        <translation>Chosen firm: {name}</translation>
    </message>
    <message>
        <source>모든 현장지원단</source>
        <translation>All clinic sessions</translation>
    </message>
    <message>
        <source>{name} 만드는 중…</source>
        <translation>Making the {name}…</translation>
    </message>
    <message>
        <source>{name}: {pages}쪽</source>
        <translation>{name}: {pages} pages</translation>
    </message>
    <message>
        <source>(동의가 없는 {n}건 제외)</source>
        <translation>({n} cases without consent left out)</translation>
    </message>
    <message>
        <source>취소했습니다.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>PDF로 저장</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 파일 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>저장하지 못했습니다: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
    <message>
        <source>저장했습니다: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>인쇄</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>인쇄하지 못했습니다: {error}</source>
        <translation>Could not print: {error}</translation>
    </message>
    <message>
        <source>{n}쪽을 인쇄로 보냈습니다.</source>
        <translation>Sent {n} pages to the printer.</translation>
    </message>
</context>
<context>
    <name>PeriodEdit</name>
    <message>
        <source>올해</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>이번 달</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>지난달</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>최근 30일</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>전체 기간</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>직접 입력</source>
        <translation>Custom</translation>
    </message>
</context>
<context>
    <name>ProgramTableModel</name>
    <message>
        <source>지원사업</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>운영 기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>위기 지원 유형</source>
        <translation>Crisis track</translation>
    </message>
    <message>
        <source>대상 지역</source>
        <translation>Regions</translation>
    </message>
    <message>
        <source>대상 규모</source>
        <translation>Sizes</translation>
    </message>
    <message>
        <source>업력</source>
        <translation>Years in business</translation>
    </message>
    <message>
        <source>접수 기간</source>
        <translation>Application period</translation>
    </message>
    <message>
        <source>접수</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>접수 중</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>접수 예정</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>마감</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>상시</source>
        <translation>All year</translation>
    </message>
    <message>
        <source>제한 없음</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>{n}년 이상</source>
        <translation>{n} years or more</translation>
    </message>
    <message>
        <source>{n}년 이내</source>
        <translation>up to {n} years</translation>
    </message>
    <message>
        <source>{low}~{high}년</source>
        <translation>{low}–{high} years</translation>
    </message>
    <message>
        <source>전국</source>
        <translation>Nationwide</translation>
    </message>
    <message>
        <source>전체</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>ProgramsPanel</name>
    <message>
        <source>사업명·기관·분야로 거르기</source>
        <translation>Filter by program, agency or field</translation>
    </message>
    <message>
        <source>비활성 사업 포함</source>
        <translation>Include inactive programs</translation>
    </message>
    <message>
        <source>엑셀에서 가져오기…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>빈 양식 저장…</source>
        <translation>Save empty template…</translation>
    </message>
    <message>
        <source>지원사업 목록은 참고 자료입니다. 엑셀 파일을 가져오면 그 파일이 목록 전체가 되고, 파일에 없는 사업은 비활성으로 바뀝니다 (사례에 연결된 기록은 남습니다). 잘못된 행이 하나라도 있으면 아무것도 저장하지 않습니다.</source>
        <translation>The program catalog is reference data. An imported Excel file becomes the whole catalog; programs it does not list become inactive (attachments to cases stay). If any row is wrong, nothing is stored.</translation>
    </message>
    <message>
        <source>{n}개 사업</source>
        <translation>{n} programs</translation>
    </message>
    <message>
        <source>지원사업 목록 가져오기</source>
        <translation>Import the program catalog</translation>
    </message>
    <message>
        <source>지원사업 {added}건 추가, {updated}건 갱신, {off}건 비활성화</source>
        <translation>Programs: {added} added, {updated} updated, {off} deactivated</translation>
    </message>
    <message>
        <source>가져오지 못했습니다</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>아래 {n}개 문제를 고친 뒤 다시 가져오세요. 아무것도 저장하지 않았습니다.</source>
        <translation>Fix the {n} problems below and import again. Nothing was stored.</translation>
    </message>
    <message>
        <source>지원사업</source>
        <translation>Programs</translation>
    </message>
    <message>
        <source>빈 양식 저장</source>
        <translation>Save empty template</translation>
    </message>
</context>
<context>
    <name>ProgramsTab</name>
    <message>
        <source>모름</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>설립일 저장</source>
        <translation>Save founding date</translation>
    </message>
    <message>
        <source>대상이 아닌 사업도 보기</source>
        <translation>Show ineligible programs too</translation>
    </message>
    <message>
        <source>연계 메모 (선택)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>사례에 연결</source>
        <translation>Attach to case</translation>
    </message>
    <message>
        <source>연결 해제</source>
        <translation>Detach</translation>
    </message>
    <message>
        <source>설립일(업력)</source>
        <translation>Founded (years in business)</translation>
    </message>
    <message>
        <source>지역 모름</source>
        <translation>region unknown</translation>
    </message>
    <message>
        <source>규모 모름</source>
        <translation>size unknown</translation>
    </message>
    <message>
        <source>업종 모름</source>
        <translation>industry unknown</translation>
    </message>
    <message>
        <source>업력 {n}년</source>
        <translation>{n} years in business</translation>
    </message>
    <message>
        <source>밀집지역 {name} ({level})</source>
        <translation>cluster {name} ({level})</translation>
    </message>
    <message>
        <source>맞는 지원사업 {n}개 · 연결 {m}개</source>
        <translation>{n} matching programs · {m} attached</translation>
    </message>
    <message>
        <source>이 기업과 애로사항에 맞는 지원사업이 목록에 없습니다.</source>
        <translation>No program in the catalog fits this firm and difficulty.</translation>
    </message>
    <message>
        <source>먼저 지원사업을 고르세요.</source>
        <translation>Choose a program first.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>복구 키 입력</source>
        <translation>Enter recovery key</translation>
    </message>
    <message>
        <source>이 데이터베이스는 암호화되어 있는데 이 컴퓨터에 맞는 키가 없습니다. 저장해 둔 복구 키 파일을 열거나, 키(16진수 64자리, 띄어쓰기와 - 는 상관없음)를 입력하세요. 키가 이 데이터베이스를 여는지 확인한 뒤에만 저장합니다.
데이터베이스: {path}</source>
        <translation>This database is encrypted and this computer has no key that opens it. Open the recovery-key file you saved, or type the key (64 hex digits; spaces and dashes do not matter). The key is saved only after it is checked against this database.
Database: {path}</translation>
    </message>
    <message>
        <source>복구 키 파일 열기…</source>
        <translation>Open recovery-key file…</translation>
    </message>
    <message>
        <source>이 컴퓨터에는 OS 키 저장소가 없어 키를 저장할 수 없습니다. 키는 이번 실행에만 쓰입니다: 다음에 시작할 때 다시 입력하거나 ONESTOP_DB_KEY에 주세요.</source>
        <translation>This computer has no OS keyring to save the key in. The key is used for this session only: enter it again next time, or give it in ONESTOP_DB_KEY.</translation>
    </message>
    <message>
        <source>열기</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>끝내기</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>복구 키로 열었습니다. OS 키 저장소가 없어 키를 저장하지 않았습니다: 다음에도 키를 입력하거나 ONESTOP_DB_KEY에 주세요.</source>
        <translation>Opened with the recovery key. With no OS keyring the key was not saved: enter it again next time, or give it in ONESTOP_DB_KEY.</translation>
    </message>
    <message>
        <source>ONESTOP_DB_KEY에 다른 키가 있어 키 저장소보다 먼저 쓰입니다: 고치거나 지우세요.</source>
        <translation>ONESTOP_DB_KEY holds another key, which is used before the keyring: correct or remove it.</translation>
    </message>
    <message>
        <source>복구 키 파일 열기</source>
        <translation>Open recovery-key file</translation>
    </message>
    <message>
        <source>복구 키 파일 (*.txt);;모든 파일 (*)</source>
        <translation>Recovery-key files (*.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>PDF 보고서</source>
        <translation>PDF reports</translation>
    </message>
    <message>
        <source>엑셀 내보내기</source>
        <translation>Excel export</translation>
    </message>
    <message>
        <source>엑셀 가져오기</source>
        <translation>Excel import</translation>
    </message>
    <message>
        <source>보고서</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>만족도 조사 예약</source>
        <translation>Schedule the satisfaction call</translation>
    </message>
    <message>
        <source>연락할 날</source>
        <translation>Call on</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>새 현장지원단</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>예: 2026 순천 원스톱 현장지원단 1차</source>
        <translation>e.g. 2026 Suncheon one-stop clinic, 1st</translation>
    </message>
    <message>
        <source>예: 순천시 해룡산단 기업지원센터</source>
        <translation>e.g. Haeryong industrial park business center, Suncheon</translation>
    </message>
    <message>
        <source>— 지역 —</source>
        <translation>— region —</translation>
    </message>
    <message>
        <source>쉼표로 구분 (예: 김상담, 이지원)</source>
        <translation>comma-separated (e.g. 김상담, 이지원)</translation>
    </message>
    <message>
        <source>날짜</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>장소</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>지역</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>참여 기관</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>상담원</source>
        <translation>Consultants</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>이름과 기기 이름은 비워 둘 수 없습니다. 모든 처리 기록과 동기화에 남습니다.</source>
        <translation>Name and device name cannot be blank: every case record and sync carries them.</translation>
    </message>
    <message>
        <source>— 선택 —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>상담원</source>
        <translation>Consultants</translation>
    </message>
    <message>
        <source>총괄 코디네이터</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>관리자</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>예: 순천 → 2026-순천-0042</source>
        <translation>e.g. 순천 → 2026-순천-0042</translation>
    </message>
    <message>
        <source>사례 목록에서 기업명 가리기</source>
        <translation>Mask firm names in case lists</translation>
    </message>
    <message>
        <source>찾아보기…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>폴더 열기</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>지금 쓰는 데이터베이스: {path}</source>
        <translation>Database in use: {path}</translation>
    </message>
    <message>
        <source>저장</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>되돌리기</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>소속 기관</source>
        <translation>My agency</translation>
    </message>
    <message>
        <source>역할</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>기기 이름</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>언어</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>사례 번호 접두어</source>
        <translation>Case number prefix</translation>
    </message>
    <message>
        <source>데이터 폴더</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>설정</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>데이터 폴더를 바꾸면 다음에 프로그램을 시작할 때 적용됩니다.</source>
        <translation>A new data folder is used from the next start of the program.</translation>
    </message>
    <message>
        <source>저장했습니다.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>StoreKeyBox</name>
    <message>
        <source>데이터 암호화</source>
        <translation>Data encryption</translation>
    </message>
    <message>
        <source>복구 키 저장…</source>
        <translation>Save recovery key…</translation>
    </message>
    <message>
        <source>데이터베이스 키를 파일로 저장합니다. USB 메모리나 인쇄본으로 이 노트북과 다른 곳에 보관하세요.</source>
        <translation>Writes the database key to a file. Keep it away from this laptop: on a USB stick, or printed.</translation>
    </message>
    <message>
        <source>이 데이터베이스는 암호화되어 있습니다. 키는 이 컴퓨터의 OS 키 저장소에만 있어서, 운영체제를 다시 설치하거나 새 노트북으로 옮기면 복구 키 없이는 어떤 사례도 읽을 수 없습니다. 복구 키 파일과 데이터베이스를 함께 가진 사람은 모든 사례를 읽을 수 있으니 노트북과 따로 보관하세요.</source>
        <translation>This database is encrypted. Its key is only in this computer's OS keyring: after reinstalling the OS or moving to a new laptop, no case can be read without the recovery key. Anyone with the recovery-key file and the database can read every case, so keep the file apart from the laptop.</translation>
    </message>
    <message>
        <source>복구 키를 아직 저장하지 않았습니다.</source>
        <translation>The recovery key has not been saved yet.</translation>
    </message>
    <message>
        <source>복구 키를 저장했습니다.</source>
        <translation>The recovery key has been saved.</translation>
    </message>
    <message>
        <source>복구 키 파일을 쓸 수 없습니다: {detail}</source>
        <translation>Cannot write the recovery-key file: {detail}</translation>
    </message>
    <message>
        <source>복구 키를 저장했습니다: {path}. 이 파일을 노트북과 다른 곳에 보관하세요.</source>
        <translation>Recovery key saved: {path}. Keep this file away from the laptop.</translation>
    </message>
    <message>
        <source>복구 키 저장</source>
        <translation>Save recovery key</translation>
    </message>
    <message>
        <source>텍스트 파일 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>동기화·충돌</source>
        <translation>Sync and conflicts</translation>
    </message>
    <message>
        <source>새 팀 만들기…</source>
        <translation>Create a team…</translation>
    </message>
    <message>
        <source>팀에 참여…</source>
        <translation>Join a team…</translation>
    </message>
    <message>
        <source>참여 코드 만들기</source>
        <translation>New join code</translation>
    </message>
    <message>
        <source>다른 노트북이 이 허브로 팀에 참여할 새 코드를 만듭니다</source>
        <translation>Make a new code another laptop can join the team with at this hub</translation>
    </message>
    <message>
        <source>팀</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>USB 메모리·공유 폴더, 또는 postgresql:// 주소</source>
        <translation>USB stick or shared folder, or a postgresql:// URL</translation>
    </message>
    <message>
        <source>폴더 선택…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>동기화</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>허브</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>이 노트북은 아직 팀에 속하지 않습니다. 팀을 만들거나(첫 노트북) 받은 참여 코드로 참여하세요. 그때까지 모든 변경은 이 노트북에만 있습니다.</source>
        <translation>This laptop is not in a team yet. Create one (first laptop) or join with the code you were given. Until then every change stays on this laptop only.</translation>
    </message>
    <message>
        <source> (제거됨)</source>
        <translation> (removed)</translation>
    </message>
    <message>
        <source>팀 &lt;b&gt;{team}&lt;/b&gt; · 이 노트북: &lt;b&gt;{device}&lt;/b&gt; · 다른 기기: {others}</source>
        <translation>Team &lt;b&gt;{team}&lt;/b&gt; · this laptop: &lt;b&gt;{device}&lt;/b&gt; · other devices: {others}</translation>
    </message>
    <message>
        <source>충돌 ({n})</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <source>중복 기업 ({n})</source>
        <translation>Duplicate firms ({n})</translation>
    </message>
    <message>
        <source>보내지 않은 변경 {n}건</source>
        <translation>{n} unsent changes</translation>
    </message>
    <message>
        <source>마지막 동기화: {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <source>아직 동기화하지 않음</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>허브 폴더 (USB 메모리·공유 폴더)</source>
        <translation>Hub folder (USB stick, shared folder)</translation>
    </message>
    <message>
        <source>팀 &apos;{team}&apos;을 만들었습니다. 다른 노트북에서 &apos;팀에 참여&apos;를 누르고 이 허브와 참여 코드 &lt;b&gt;{code}&lt;/b&gt;를 입력하세요.</source>
        <translation>Created team &apos;{team}&apos;. On the other laptops press &apos;Join a team&apos; and enter this hub and the join code &lt;b&gt;{code}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>팀 &apos;{team}&apos;에 &apos;{device}&apos;(으)로 참여했습니다. 이제 동기화하세요.</source>
        <translation>Joined team &apos;{team}&apos; as &apos;{device}&apos;. Now sync.</translation>
    </message>
    <message>
        <source>참여 코드를 만드는 중…</source>
        <translation>Making a join code…</translation>
    </message>
    <message>
        <source>새 참여 코드: &lt;b&gt;{code}&lt;/b&gt; (다른 노트북에서 &apos;팀에 참여&apos;로 입력)</source>
        <translation>New join code: &lt;b&gt;{code}&lt;/b&gt; (enter it on the other laptop under &apos;Join a team&apos;)</translation>
    </message>
    <message>
        <source>동기화하는 중: {hub}</source>
        <translation>Syncing with {hub}</translation>
    </message>
    <message>
        <source>허브 폴더(USB 메모리·공유 폴더)나 postgresql:// 주소를 고르세요.</source>
        <translation>Choose a hub folder (USB stick, shared folder) or a postgresql:// URL.</translation>
    </message>
    <message>
        <source>동기화 키 암호 문구</source>
        <translation>Sync key passphrase</translation>
    </message>
    <message>
        <source>1/3 허브에서 받는 중</source>
        <translation>1/3 Receiving from the hub</translation>
    </message>
    <message>
        <source>2/3 받은 변경을 적용하는 중</source>
        <translation>2/3 Applying the received changes</translation>
    </message>
    <message>
        <source>3/3 이 노트북의 변경을 묶어 보내는 중</source>
        <translation>3/3 Bundling and sending this laptop&apos;s changes</translation>
    </message>
    <message>
        <source>동기화를 취소했습니다. 끝난 부분은 저장되었고 다음 동기화가 이어서 합니다.</source>
        <translation>Sync cancelled. What was finished is kept; the next sync carries on.</translation>
    </message>
    <message>
        <source>동기화를 마쳤습니다 ({seconds}초).</source>
        <translation>Sync finished ({seconds} s).</translation>
    </message>
    <message>
        <source>보냄 {sent}묶음 ({sent_ops}건) · 받음 {received}묶음 ({received_ops}건) · 중계 {relayed}묶음 · 새 충돌 {new_conflicts}건 (모두 {conflicts}건) · 건너뛴 파일 {skipped}개</source>
        <translation>Bundles sent {sent} ({sent_ops} changes) · received {received} ({received_ops} changes) · relayed {relayed} · new conflicts {new_conflicts} ({conflicts} in all) · skipped files {skipped}</translation>
    </message>
    <message>
        <source>허브에 쓰지 못했습니다. USB 메모리가 읽기 전용이거나 가득 찼는지 확인하세요.</source>
        <translation>Could not write to the hub. Check whether the USB stick is read-only or full.</translation>
    </message>
    <message>
        <source>기다리는 묶음: {bundles}</source>
        <translation>Waiting bundles: {bundles}</translation>
    </message>
    <message>
        <source>허브 비밀번호를 이 노트북의 OS 키 저장소에 기억했습니다.</source>
        <translation>The hub password is remembered in this laptop's OS keyring.</translation>
    </message>
    <message>
        <source>이 컴퓨터에는 OS 키 저장소가 없어 허브 비밀번호를 기억하지 못했습니다. 다음에 다시 묻습니다.</source>
        <translation>This computer has no OS keyring, so the hub password was not remembered. It will be asked again next time.</translation>
    </message>
    <message>
        <source>이 데이터베이스에는 팀 허브가 없습니다:</source>
        <translation>This database holds no team hub:</translation>
    </message>
    <message>
        <source>서버 주소나 데이터베이스 이름이 틀렸다면 &apos;아니요&apos;를 누르고 주소를 확인하세요. 아직 아무것도 쓰지 않았습니다.</source>
        <translation>If the server address or the database name is wrong, press No and check the address. Nothing has been written yet.</translation>
    </message>
    <message>
        <source>이 데이터베이스를 새 허브로 만들까요?</source>
        <translation>Make this database a new hub?</translation>
    </message>
    <message>
        <source>이 폴더에는 팀 허브가 없습니다:</source>
        <translation>This folder holds no team hub:</translation>
    </message>
    <message>
        <source>이 폴더를 새 허브로 만들까요?</source>
        <translation>Make this folder a new hub?</translation>
    </message>
    <message>
        <source>USB 메모리의 드라이브 문자가 바뀌었거나 공유 폴더가 연결되지 않았다면 &apos;아니요&apos;를 누르고 위치를 확인하세요. 아직 아무것도 쓰지 않았습니다.</source>
        <translation>If the USB stick got another drive letter or the shared folder is not connected, press No and check the location. Nothing has been written yet.</translation>
    </message>
    <message>
        <source>다른 노트북들은 이 새 허브로 동기화해야 이 노트북의 변경을 받습니다.</source>
        <translation>The other laptops receive this laptop&apos;s changes only once they sync with this new hub.</translation>
    </message>
    <message>
        <source>팀 허브가 없습니다</source>
        <translation>No team hub</translation>
    </message>
    <message>
        <source>이 위치를 팀의 새 허브로 만들었습니다: {hub}</source>
        <translation>This location was made a new hub of the team: {hub}</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>새 팀 만들기</source>
        <translation>Create a team</translation>
    </message>
    <message>
        <source>팀에 참여</source>
        <translation>Join a team</translation>
    </message>
    <message>
        <source>허브는 모든 노트북이 함께 쓰는 USB 메모리나 공유 폴더(또는 PostgreSQL 주소)입니다. 팀을 만들면 다른 노트북이 입력할 참여 코드가 나옵니다.</source>
        <translation>The hub is the USB stick or shared folder (or PostgreSQL URL) every laptop uses. Creating the team gives a join code for the other laptops.</translation>
    </message>
    <message>
        <source>팀을 만든 사람에게 받은 참여 코드나 팀 키 파일로 이 노트북을 팀에 넣습니다.</source>
        <translation>Join this laptop to the team with the join code or team key file from whoever created the team.</translation>
    </message>
    <message>
        <source>이 노트북 이름: {device}</source>
        <translation>This laptop&apos;s name: {device}</translation>
    </message>
    <message>
        <source>팀 만들기</source>
        <translation>Create team</translation>
    </message>
    <message>
        <source>참여하기</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>취소</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TeamHubForm</name>
    <message>
        <source>허브 폴더 또는 postgresql:// 주소</source>
        <translation>Hub folder or postgresql:// URL</translation>
    </message>
    <message>
        <source>찾아보기…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>예: 순천 현장지원단</source>
        <translation>e.g. Suncheon clinic team</translation>
    </message>
    <message>
        <source>팀을 만든 사람에게 받은 참여 코드</source>
        <translation>Join code from whoever created the team</translation>
    </message>
    <message>
        <source>참여 코드 대신 팀 키 파일</source>
        <translation>Team key file instead of a join code</translation>
    </message>
    <message>
        <source>OS 키 저장소가 없을 때만 필요</source>
        <translation>Only needed without an OS keyring</translation>
    </message>
    <message>
        <source>허브</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>팀 이름</source>
        <translation>Team name</translation>
    </message>
    <message>
        <source>참여 코드</source>
        <translation>Join code</translation>
    </message>
    <message>
        <source>또는 키 파일</source>
        <translation>Or key file</translation>
    </message>
    <message>
        <source>암호 문구</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>한 번 더</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>팀 허브 폴더</source>
        <translation>Team hub folder</translation>
    </message>
    <message>
        <source>팀 키 파일</source>
        <translation>Team key file</translation>
    </message>
    <message>
        <source>팀 허브 폴더(또는 postgresql:// 주소)를 입력하세요.</source>
        <translation>Enter the team hub folder (or a postgresql:// URL).</translation>
    </message>
    <message>
        <source>참여 코드를 입력하세요.</source>
        <translation>Enter the join code.</translation>
    </message>
    <message>
        <source>두 암호 문구가 다릅니다.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>ThresholdDialog</name>
    <message>
        <source>위기 단계 판정 기준</source>
        <translation>Crisis level thresholds</translation>
    </message>
    <message>
        <source>같은 단계·같은 묶음의 기준은 모두 맞아야 하고, 묶음 가운데 하나라도 맞으면 그 단계입니다. 심각이 주의보다 먼저 판정되며, 어느 것도 맞지 않으면 양호입니다. 경계값은 포함합니다.</source>
        <translation>All rules of one group must hold; a level applies when any of its groups holds. Severe is checked before caution; when nothing holds the level is good. Bounds are inclusive.</translation>
    </message>
    <message>
        <source>단계</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>묶음</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>지표</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>비교</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>값(%)</source>
        <translation>Value (%)</translation>
    </message>
    <message>
        <source>설명</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>기준 추가</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <source>선택 삭제</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>기본값 불러오기</source>
        <translation>Load defaults</translation>
    </message>
</context>
<context>
    <name>TimelineTableModel</name>
    <message>
        <source>일시</source>
        <translation>When</translation>
    </message>
    <message>
        <source>처리자</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>구분</source>
        <translation>What</translation>
    </message>
    <message>
        <source>내용</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>접수</source>
        <translation>Logged</translation>
    </message>
    <message>
        <source>상태 변경</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>메모</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>수정</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>동의</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>기업 병합</source>
        <translation>Merge firms</translation>
    </message>
    <message>
        <source>지원사업</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>사후관리</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>{n}일 연장</source>
        <translation>extended {n} days</translation>
    </message>
    <message>
        <source>사유: {reason}</source>
        <translation>reason: {reason}</translation>
    </message>
    <message>
        <source>분야</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>민원 유형</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>담당자</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>내용 수정</source>
        <translation>Text edited</translation>
    </message>
    <message>
        <source>{agency}에 제3자 제공 동의</source>
        <translation>Consent to share with {agency}</translation>
    </message>
    <message>
        <source>중복 기업 &apos;{name}&apos;에서 옮겨옴</source>
        <translation>Moved from duplicate firm &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; 연결</source>
        <translation>&apos;{name}&apos; attached</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; 연결 해제</source>
        <translation>&apos;{name}&apos; detached</translation>
    </message>
    <message>
        <source>만족도 조사 예약: {day}</source>
        <translation>Satisfaction call scheduled: {day}</translation>
    </message>
    <message>
        <source>만족도 조사 — 연락 안 됨</source>
        <translation>Satisfaction call — no answer</translation>
    </message>
    <message>
        <source>만족도 {points}점 ({score}/100)</source>
        <translation>Satisfaction {points} points ({score}/100)</translation>
    </message>
    <message>
        <source>낮은 만족도 — 조치 필요</source>
        <translation>Low satisfaction — action needed</translation>
    </message>
    <message>
        <source>낮은 만족도 조치 완료</source>
        <translation>Low satisfaction dealt with</translation>
    </message>
    <message>
        <source>낮은 만족도로 재개</source>
        <translation>Reopened after a low score</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>새 현장지원단…</source>
        <translation>New session…</translation>
    </message>
    <message>
        <source>현장지원단 열기…</source>
        <translation>Open session…</translation>
    </message>
    <message>
        <source>현장지원단 닫기</source>
        <translation>Close session</translation>
    </message>
    <message>
        <source>현장지원단</source>
        <translation>Clinic session</translation>
    </message>
    <message>
        <source>애로사항 접수 (Ctrl+N)</source>
        <translation>New difficulty (Ctrl+N)</translation>
    </message>
    <message>
        <source>열린 현장지원단 없음 (상설 창구 접수)</source>
        <translation>No session open (standing desk)</translation>
    </message>
    <message>
        <source>현장지원단을 만들거나 열면, 접수하는 애로사항이 그 현장지원단에 속합니다.</source>
        <translation>Create or open a session: the difficulties you log then belong to it.</translation>
    </message>
    <message>
        <source>오늘 접수한 사례</source>
        <translation>Cases received today</translation>
    </message>
    <message>
        <source>{day} · {place}
참여 기관: {agencies}
상담원: {consultants}</source>
        <translation>{day} · {place}
Agencies: {agencies}
Consultants: {consultants}</translation>
    </message>
    <message>
        <source>이 현장지원단의 사례</source>
        <translation>Cases of this session</translation>
    </message>
    <message>
        <source>접수 {total}건 · 처리중 {open}건 · 종결 {closed}건 · 기한 경과 {overdue}건</source>
        <translation>{total} received · {open} open · {closed} closed · {overdue} overdue</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>원스톱 현장지원 데스크 시작하기</source>
        <translation>Getting started with OneStop Field Desk</translation>
    </message>
    <message>
        <source>예: 김상담</source>
        <translation>e.g. Kim Sang-dam</translation>
    </message>
    <message>
        <source>— 선택 —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>이름</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>소속 기관</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>이 노트북 이름</source>
        <translation>This laptop&apos;s name</translation>
    </message>
    <message>
        <source>나에 대해</source>
        <translation>About me</translation>
    </message>
    <message>
        <source>빈 데이터로 시작</source>
        <translation>Start with no data</translation>
    </message>
    <message>
        <source>데모 데이터 불러오기 (연습용 가상 기업·사례)</source>
        <translation>Load demo data (made-up firms and cases to practise with)</translation>
    </message>
    <message>
        <source>이미 데이터가 있어 데모 데이터를 넣지 않습니다.</source>
        <translation>There is data already, so no demo data is added.</translation>
    </message>
    <message>
        <source>팀에 참여 (허브 폴더와 참여 코드)</source>
        <translation>Join a team (hub folder and join code)</translation>
    </message>
    <message>
        <source>시작 방법</source>
        <translation>How to start</translation>
    </message>
    <message>
        <source>데이터는 이 컴퓨터의 사용자 폴더에만 저장됩니다.
데이터베이스: {db}
설정: {settings}
프로그램 폴더에는 아무것도 쓰지 않으므로 새 버전으로 바꿔도 데이터는 그대로입니다. 다른 노트북과는 팀 허브(USB·공유 폴더)로 동기화하고, 데이터베이스 파일을 공유 폴더에 두지 마세요.</source>
        <translation>Your data stays in your user folder on this computer.
Database: {db}
Settings: {settings}
Nothing is written to the program folder, so replacing the program with a new version keeps your data. Sync with other laptops through a team hub (USB stick or shared folder); never put the database file itself on a shared folder.</translation>
    </message>
    <message>
        <source>데이터 위치</source>
        <translation>Where the data lives</translation>
    </message>
    <message>
        <source>시작하기</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>나중에</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>환영합니다</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>처음 한 번만 묻습니다. 나중에 설정 화면에서 바꿀 수 있습니다.</source>
        <translation>Asked only this once. You can change all of it later under Settings.</translation>
    </message>
    <message>
        <source>이름을 입력하세요. 모든 처리 기록에 남습니다.</source>
        <translation>Enter your name. It is recorded on everything you do.</translation>
    </message>
    <message>
        <source>이 노트북의 이름을 입력하세요.</source>
        <translation>Enter a name for this laptop.</translation>
    </message>
    <message>
        <source>데이터 위치: {path}</source>
        <translation>Data: {path}</translation>
    </message>
    <message>
        <source>팀 &apos;{team}&apos;에 &apos;{device}&apos;(으)로 참여했습니다. 데이터 위치: {path}</source>
        <translation>Joined team &apos;{team}&apos; as &apos;{device}&apos;. Data: {path}</translation>
    </message>
</context>
</TS>
