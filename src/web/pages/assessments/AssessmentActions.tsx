import {
  CheckCircleOutlined,
  CopyOutlined,
  NotificationOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ErrorDetail } from '../../../shared/errors';
import type {
  AssessmentAction,
  AssessmentDetail,
  TransitionRequest,
  useAssessmentTransition,
} from '../../api/assessments';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages-vi';
import { EarlyWarning, isEarly } from './EarlyWarning';
import { NoteModal } from './NoteModal';
import { ReturnModal } from './ReturnModal';

type Step = Exclude<AssessmentAction, 'edit'>;
type NoteStep = Exclude<Step, 'return'>;

/** The words of each step: its button, its confirmation, its note and what is said when done. */
const STEP_TEXT: Record<
  NoteStep,
  { button: MessageKey; title: MessageKey; description: MessageKey; note: MessageKey; done: MessageKey }
> = {
  submit: {
    button: 'assessments.action.submit',
    title: 'assessments.submit.title',
    description: 'assessments.submit.description',
    note: 'assessments.note',
    done: 'assessments.submit.done',
  },
  appraise: {
    button: 'assessments.action.appraise',
    title: 'assessments.appraise.title',
    description: 'assessments.appraise.description',
    note: 'assessments.appraise.note',
    done: 'assessments.appraise.done',
  },
  publish: {
    button: 'assessments.action.publish',
    title: 'assessments.publish.title',
    description: 'assessments.publish.description',
    note: 'assessments.note',
    done: 'assessments.publish.done',
  },
  supersede: {
    button: 'assessments.action.supersede',
    title: 'assessments.supersede.title',
    description: 'assessments.supersede.description',
    note: 'assessments.supersede.reason',
    done: 'assessments.supersede.done',
  },
};

const ICONS: Record<Step, ReactNode> = {
  submit: <SendOutlined />,
  return: <RollbackOutlined />,
  appraise: <CheckCircleOutlined />,
  publish: <NotificationOutlined />,
  supersede: <CopyOutlined />,
};

function detailMessages(error: unknown): ErrorDetail[] {
  return isApiError(error) ? error.details.map((detail) => ({ message: detail.message })) : [];
}

/** Steps in the order they are shown; the server decides which of them this user may take now. */
const STEPS: readonly Step[] = ['submit', 'return', 'appraise', 'publish', 'supersede'];

/**
 * The buttons for the steps the server allows (its `actions`), each confirmed in a dialog. A refused
 * step shows the server's message with every detail here, and the page marks the criteria named.
 */
export function AssessmentActions(props: {
  assessment: AssessmentDetail;
  transition: ReturnType<typeof useAssessmentTransition>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { assessment, transition } = props;
  const [open, setOpen] = useState<Step | null>(null);
  const steps = STEPS.filter((step) => assessment.actions.includes(step));
  if (steps.length === 0 && !transition.error) return null;

  const run = (request: TransitionRequest, done: MessageKey, onFailure?: (error: unknown) => void) =>
    transition.mutate(request, {
      onSuccess: (answer) => {
        setOpen(null);
        void message.success(t(done));
        // A new version is another assessment: go to it.
        if (answer.id !== assessment.id) void navigate(`/assessments/${answer.id}`);
      },
      onError: (error) => {
        if (onFailure) onFailure(error);
        else setOpen(null);
      },
    });

  const noteStep = open && open !== 'return' ? open : null;

  return (
    <Card size="small" title={t('assessments.actions')}>
      {transition.error && open === null ? (
        // The details name their criterion in words; the field paths behind them are for the cards.
        <ErrorAlert error={transition.error} details={detailMessages(transition.error)} />
      ) : null}
      <Space wrap>
        {steps.map((step) => (
          <Button
            key={step}
            type={step === 'return' ? 'default' : 'primary'}
            danger={step === 'return'}
            icon={ICONS[step]}
            onClick={() => {
              transition.reset();
              setOpen(step);
            }}
          >
            {t(step === 'return' ? 'assessments.action.return' : STEP_TEXT[step].button)}
          </Button>
        ))}
      </Space>
      {noteStep ? (
        <NoteModal
          open
          title={t(STEP_TEXT[noteStep].title)}
          description={t(STEP_TEXT[noteStep].description)}
          okText={t(STEP_TEXT[noteStep].button)}
          noteLabel={t(STEP_TEXT[noteStep].note)}
          noteRequired={noteStep === 'supersede' ? t('assessments.supersede.reasonRequired') : undefined}
          warning={
            (noteStep === 'submit' || noteStep === 'publish') && isEarly(assessment) ? (
              <EarlyWarning assessment={assessment} step={noteStep} />
            ) : undefined
          }
          loading={transition.isPending}
          onCancel={() => setOpen(null)}
          onOk={(note) =>
            run(
              noteStep === 'supersede'
                ? { action: 'supersede', reason: note }
                : { action: noteStep, note: note || undefined },
              STEP_TEXT[noteStep].done,
            )
          }
        />
      ) : null}
      <ReturnModal
        open={open === 'return'}
        criteria={assessment.criteria}
        loading={transition.isPending}
        error={open === 'return' ? transition.error : null}
        onCancel={() => setOpen(null)}
        onReturn={(body, onFailure) => run({ action: 'return', body }, 'assessments.return.done', onFailure)}
      />
    </Card>
  );
}
