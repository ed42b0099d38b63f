import { Alert, Card, Divider, Space, Tag, Typography } from 'antd';
import type { AssessmentCriterion, AssessmentStatus } from '../../api/assessments';
import { useI18n } from '../../i18n/I18nProvider';
import { useScoreFormat } from '../scores/score-format';
import { AppraisalForm } from './AppraisalForm';
import { AutoScoreBlock } from './AutoScoreBlock';
import { CriterionEvidence } from './CriterionEvidence';
import { inputValueText } from './CriterionInputField';
import { SelfAssessmentForm } from './SelfAssessmentForm';

/** Self and appraised scores side by side, so neither hides the other. */
function ScoreTags({ criterion }: { criterion: AssessmentCriterion }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  return (
    <Space wrap size={4}>
      <Tag style={{ marginInlineEnd: 0 }}>
        {t('assessments.criterion.max', { max: format.points(criterion.max) })}
      </Tag>
      <Tag color={criterion.selfScore === null ? 'default' : 'blue'} style={{ marginInlineEnd: 0 }}>
        {t('assessments.criterion.selfTag', { score: format.fraction(criterion.selfScore, criterion.max) })}
      </Tag>
      {criterion.reviewerScore !== null ? (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('assessments.criterion.appraisedTag', {
            score: format.fraction(criterion.reviewerScore, criterion.max),
          })}
        </Tag>
      ) : null}
    </Space>
  );
}

/** The unit's part when it can no longer be edited: inputs, self score and explanation as they stand. */
function SelfAssessmentView({ criterion }: { criterion: AssessmentCriterion }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      {criterion.inputSpecs.map((spec) => (
        <div key={spec.key}>
          <Typography.Text type="secondary">{spec.label}: </Typography.Text>
          <Typography.Text>{inputValueText(spec, criterion.inputs[spec.key], t)}</Typography.Text>
        </div>
      ))}
      <div>
        <Typography.Text type="secondary">{t('assessments.criterion.selfScoreLabel')}: </Typography.Text>
        <Typography.Text strong>{format.fraction(criterion.selfScore, criterion.max)}</Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary">{t('assessments.criterion.selfExplanation')}: </Typography.Text>
        <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {criterion.selfExplanation || t('assessments.criterion.noExplanation')}
        </Typography.Text>
      </div>
    </Space>
  );
}

/** The reviewer's part once it is no longer being entered (or by someone else than the reviewer). */
function AppraisalView({ criterion }: { criterion: AssessmentCriterion }) {
  const { t } = useI18n();
  const format = useScoreFormat();
  if (criterion.reviewerScore === null && !criterion.reviewerComment) return null;
  return (
    <div data-testid="appraisal-view">
      <Typography.Text type="secondary">{t('assessments.appraisal.scoreLabel')}: </Typography.Text>
      <Typography.Text strong>{format.fraction(criterion.reviewerScore, criterion.max)}</Typography.Text>
      {criterion.reviewerComment ? (
        <div>
          <Typography.Text type="secondary">{t('assessments.appraisal.comment')}: </Typography.Text>
          <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {criterion.reviewerComment}
          </Typography.Text>
        </div>
      ) : null}
    </div>
  );
}

/**
 * One criterion of an assessment, top to bottom as it is worked on: what the reviewer asked for
 * (after a return), the automatic score and why, the unit's inputs, self score and explanation, the
 * evidence, then the reviewer's score and comment.
 */
export function CriterionAssessmentCard(props: {
  assessmentId: string;
  unitId: string;
  status: AssessmentStatus;
  criterion: AssessmentCriterion;
  canEdit: boolean;
  canAppraise: boolean;
  /** What a refused submission or appraisal said about this criterion. */
  problems: readonly string[];
}) {
  const { t } = useI18n();
  const { criterion } = props;
  const isReturned = props.status === 'returned';
  const border = props.problems.length
    ? '#ff4d4f'
    : isReturned && criterion.reviewerRequest
      ? '#faad14'
      : '#d9d9d9';

  return (
    <Card
      size="small"
      data-criterion={criterion.code}
      style={{ borderInlineStart: `4px solid ${border}` }}
      title={
        <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', display: 'block', paddingBlock: 4 }}>
          {criterion.code} · {criterion.title}
        </span>
      }
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <ScoreTags criterion={criterion} />
        {props.problems.length ? (
          <Alert type="error" showIcon title={props.problems.join(' ')} data-testid="criterion-problem" />
        ) : null}
        {criterion.reviewerRequest ? (
          <Alert
            type={isReturned ? 'warning' : 'info'}
            showIcon
            data-testid="reviewer-request"
            title={t('assessments.criterion.reviewerRequest')}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{criterion.reviewerRequest}</span>}
          />
        ) : null}
        <AutoScoreBlock criterion={criterion} />
        <Divider style={{ margin: '4px 0' }} titlePlacement="start" plain>
          {t('assessments.criterion.selfPart')}
        </Divider>
        {props.canEdit ? (
          <SelfAssessmentForm assessmentId={props.assessmentId} criterion={criterion} />
        ) : (
          <SelfAssessmentView criterion={criterion} />
        )}
        <CriterionEvidence
          assessmentId={props.assessmentId}
          unitId={props.unitId}
          criterion={criterion}
          editable={props.canEdit}
        />
        {props.canAppraise || criterion.reviewerScore !== null || criterion.reviewerComment ? (
          <>
            <Divider style={{ margin: '4px 0' }} titlePlacement="start" plain>
              {t('assessments.criterion.appraisalPart')}
            </Divider>
            {props.canAppraise ? (
              <AppraisalForm assessmentId={props.assessmentId} criterion={criterion} />
            ) : (
              <AppraisalView criterion={criterion} />
            )}
          </>
        ) : null}
      </Space>
    </Card>
  );
}
